"""The dashboard's panels, one module per area; each draws with Streamlit and calls
``tracker.dashboard.data`` (reads) and ``tracker.dashboard.actions`` (writes)."""
