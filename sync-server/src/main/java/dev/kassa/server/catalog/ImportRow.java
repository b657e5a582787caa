package dev.kassa.server.catalog;

import dev.kassa.model.catalog.Product;

/** A parsed product and the CSV line it came from, for line-numbered reference errors. */
public record ImportRow(int line, Product product) {}
