package io.uptake.training.module;

import java.util.List;
import java.util.UUID;

public record ModuleView(UUID id, String title, List<String> skills, Mode mode, int durationMinutes, String url) {}
