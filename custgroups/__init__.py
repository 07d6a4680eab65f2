"""custgroups: organise existing customers into groups."""

import logging

__version__ = "0.1.0"

# Details go to the log file the application sets up, never to a clerk's console.
logging.getLogger("custgroups").addHandler(logging.NullHandler())
