"""One module per ``deploymap`` subcommand: each has ``register(subparsers)`` and ``run(args)``."""
