package dev.kassa.pos.device.serial;

/** Serial flow control; printers with small buffers need RTS/CTS or XON/XOFF, scanners rarely do. */
public enum FlowControl { NONE, RTS_CTS, XON_XOFF }
