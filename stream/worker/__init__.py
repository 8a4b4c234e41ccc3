"""Runtime wiring: the Faust app, its agents, tables, monitor, health, metrics and transport."""
