"""Reading police data files into monthly figures: no store, no Slack.

`mps_csv` reads the Met's "MPS Borough Level Crime" CSV (both published vintages) for one
borough; `categories` reads `data/police_categories.yaml`, which says which police categories
feed which indicator, and sums the file's rows into each indicator's months.
"""
