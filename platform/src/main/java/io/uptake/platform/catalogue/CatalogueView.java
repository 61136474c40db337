package io.uptake.platform.catalogue;

/** An entry of a catalogue as clients see it. */
public record CatalogueView(String code, String name, String description) {}
