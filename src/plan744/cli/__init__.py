"""The command line: `app` holds the root group, each command its own module (loaded only
when run); `vi` makes typer speak Vietnamese through its public classes; `console` and
`reporters` print."""
