"""The sandbox's domain: trips, runs, sessions, fares. Plain Python, no HTTP."""
