package io.uptake.metrics.action;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ActionRepository implements PanacheRepositoryBase<Action, String> {}
