"""Spreadsheets in and out: exports that never become formulas, imports that survive
hostile files."""
