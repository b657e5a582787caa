package dev.kassa.pos.device.escpos;

/** Horizontal justification ({@code ESC a n}); the ordinal is the byte the printer expects. */
public enum Align { LEFT, CENTER, RIGHT }
