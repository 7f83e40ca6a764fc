"""The command line. `app` holds the typer application; `console` and `validate_run` are
typer-free so that `plan744 validate` can start without it (see plan744.entry)."""
