"""Publishing apps: ``nbapp run`` through Voilà (server), its page template, conversions and export.

``server`` configures and starts Voilà in-process (with :mod:`nbapp.serve.wakeup`
installed first); ``notebooks`` turns app files into the notebooks the page executes and
converts between formats; ``export`` freezes one run into static HTML; ``kernel`` is
what a served script's page runs in its kernel; ``gallery`` is ``nbapp hello``.
"""
