"""The Method tab: how the figures are computed, in a few lines."""

from __future__ import annotations

from datetime import date

import streamlit as st

from tracker.aggregate.estimates import NOT_TOTAL_STATES, RELAY_WINDOW_DAYS
from tracker.aggregate.outliers import CORROBORATION, MIN_SOURCES, OUTLIER_RATIO, OUTLIER_Z

METHOD = """
**Claims.** Every number an article states is a claim, with the exact words, the sentence, who
the text says made it (the *source as written*) and the canonical *claimant* it resolves to
(name variants such as "NIS", "South Korea's spy agency" and "der Geheimdienst NIS" are one
claimant). A claim without a source is the outlet's own figure.

**Quantities.** A claim belongs to a tracked quantity by its meaning (what is counted, whose,
which state: "soldier · KP · deployed") or by keyword rules; the claim's detail says why.
A figure whose state is {not_total} (a change, a plan or forecast, a part) is *not an estimate of
the total*: it stays in the tables but not in the latest estimates or the figures.

**Independent claimants and relays.** Claims with the same claimant and value published within
{window} days, or with near-identical sentences and the same value, are one estimate: the
earliest is the estimate, the others are *relays* (copies). A relay named in the text ("Yonhap,
citing the NIS") counts for the original claimant.

**Latest estimate.** Per claimant (or outlet): the newest dated estimate of the total; on one
date the figure that comes first in its article. Undated claims count as older than any dated
one.

**Consensus rules.** Over the latest estimate of each independent claimant, outliers left out:
*median* (band = interquartile range), *envelope* (lowest low to highest high), *conservative*
(the lowest). **Spread** = highest / lowest of the same estimates.

**Outliers.** With at least {min_sources} independent claimants: a current figure (a
claimant's latest, or undated) more than {ratio:g}× above or below the median of their latest
estimates, with a robust z-score above {z:g} (log scale, median absolute deviation), that no
other independent claimant gives as a current figure (its latest or an undated one, within
±{near:.0%}), or, when its recency is unknown (undated, or its claimant has undated figures),
has given at all: a figure several voices share is an estimate, not an outlier. Flagged in orange
with the reason, left out of consensus, spread and the chart's default axis (an outlier beyond
the axis is an arrow at its edge); kept in the data and the table.

**Marks.** A point is a claim's best value (a range's midpoint); a bar its low–high range; an
arrow an open bound ("more than 10,000"); faded and dashed: hedged ("reportedly", "sollen").

**Staleness.** "Days since" counts from the newest article in the data, not from today.

**Undated claims** stay in the range chart and the tables, are drawn apart from the timeline,
and a date filter says how many it leaves out. Review › Correct an article sets a date.
"""


def show_method() -> None:
    st.markdown(METHOD.format(not_total=", ".join(f"'{s}'" for s in NOT_TOTAL_STATES),
                              window=RELAY_WINDOW_DAYS, min_sources=MIN_SOURCES,
                              ratio=OUTLIER_RATIO, z=OUTLIER_Z, near=CORROBORATION - 1))
    st.caption(f"Page drawn {date.today()}.")
