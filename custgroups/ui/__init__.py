"""Widgets: wiring and display only; every query and rule lives on the data floor."""
