"""Floor 2: glue between the data floor and the widgets: application, lanes, settings."""
