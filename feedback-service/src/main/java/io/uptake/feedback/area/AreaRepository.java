package io.uptake.feedback.area;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AreaRepository implements PanacheRepositoryBase<Area, String> {}
