"""Spreadsheets in and out: exports that cannot turn into formulas, imports that survive hostile files."""
