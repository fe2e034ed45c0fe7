// What "#server-only" is everywhere else: nothing.
