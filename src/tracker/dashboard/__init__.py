"""Dashboard support: read-only data loaders (data), the view model (view), pure Altair chart
builders (charts), safe text (text) and the write actions (actions) used by dashboard.py."""
