"""Running an app: source, run loop, session state, coalesced rerun requests, control flow."""
