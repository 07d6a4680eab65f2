"""The table models behind the views: dumb, explicit, checked by qtmodeltester."""
