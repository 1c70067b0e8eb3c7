"""Compare estimates across outlets: ``streamlit run dashboard.py`` in a checkout (or
``tracker dashboard`` anywhere). The app is ``tracker.dashboard.app``."""

from tracker.dashboard.app import main

main()
