"""Search quality on the judged cases in bench/data/search-*.json: hyoka-search and the peer.

hyoka-search is scored in-process (the same function the API calls). The peer is Datasette 0.65
over the same rows (bench/peer.py), asked over HTTP with the same parameters, in three ways:

- ``peer``: Datasette's table view as a city's IT department would use it: FTS5 trigram
  search, a LIKE fallback for words of one or two characters, column filters; table order.
- ``peer, FTS only``: the same without the LIKE fallback (a one- or two-character word then
  finds nothing, as FTS5 trigram search does).
- ``peer, bm25``: one SQL query ranked by FTS5's bm25 (a canned query an IT department could
  write; Datasette shows no facets for it).

Usage: python -m bench.search_quality [--verbose] [--hyoka-only]
"""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path

warnings.filterwarnings("ignore", category=SyntaxWarning)

from bench.metrics import ndcg_at, precision_at, recall_at  # noqa: E402

DATA = Path(__file__).parent / "data"
METRICS = ("recall@50", "P@10", "nDCG@10")
SYSTEMS = ("hyoka", "peer", "peer, FTS only", "peer, bm25")
KINDS = ("literal", "variant", "ocr", "facet", "browse", "boolean", "concept",
         "kana", "typo", "paraphrase", "sentence", "filterword", "longtail", "negative", "mixed")
# The judged sets, grouped as they are reported: the document's own words (the dev set and our
# own cases), then the harder set written blind from the document alone, in two halves. Cases of
# the held-out half are never listed one by one: it is read only through its averages.
GROUPS = {"document's own words": ("search-dev", "search-own"),
          "harder, dev half": ("search-hard-dev",),
          "harder, held-out half": ("search-hard-heldout",),
          "harder, second round, dev half": ("search-hard2-dev",),
          "harder, second round, held-out half": ("search-hard2-heldout",),
          "harder, third round, dev half": ("search-hard3-dev",),
          "harder, third round, held-out half": ("search-hard3-heldout",),
          "harder, fourth round, dev half": ("search-hard4-dev",),
          "harder, fourth round, held-out half": ("search-hard4-heldout",),
          "harder, fifth round, dev half": ("search-hard5-dev",),
          "harder, fifth round, held-out half": ("search-hard5-heldout",),
          "harder, sixth round, dev half": ("search-hard6-dev",),
          "harder, sixth round, held-out half": ("search-hard6-heldout",),
          "harder, seventh round, dev half": ("search-hard7-dev",),
          "harder, seventh round, held-out half": ("search-hard7-heldout",),
          "harder, eighth round, dev half": ("search-hard8-dev",),
          "harder, eighth round, held-out half": ("search-hard8-heldout",),
          "harder, ninth round, dev half": ("search-hard9-dev",),
          "harder, ninth round, held-out half": ("search-hard9-heldout",),
          "harder, tenth round, dev half": ("search-hard10-dev",),
          "harder, tenth round, held-out half": ("search-hard10-heldout",),
          "harder, eleventh round, dev half": ("search-hard11-dev",),
          "harder, eleventh round, held-out half": ("search-hard11-heldout",),
          "harder, twelfth round, dev half": ("search-hard12-dev",),
          "harder, twelfth round, held-out half": ("search-hard12-heldout",),
          "harder, thirteenth round, dev half": ("search-hard13-dev",),
          "harder, thirteenth round, held-out half": ("search-hard13-heldout",),
          "harder, fourteenth round, dev half": ("search-hard14-dev",),
          "harder, fourteenth round, held-out half": ("search-hard14-heldout",),
          "harder, fifteenth round, dev half": ("search-hard15-dev",),
          "harder, fifteenth round, held-out half": ("search-hard15-heldout",),
          "harder, sixteenth round, dev half": ("search-hard16-dev",),
          "harder, sixteenth round, held-out half": ("search-hard16-heldout",),
          "harder, seventeenth round, dev half": ("search-hard17-dev",),
          "harder, seventeenth round, held-out half": ("search-hard17-heldout",),
          "harder, eighteenth round, dev half": ("search-hard18-dev",),
          "harder, eighteenth round, held-out half": ("search-hard18-heldout",),
          "harder, nineteenth round, dev half": ("search-hard19-dev",),
          "harder, nineteenth round, held-out half": ("search-hard19-heldout",),
          "harder, twentieth round, dev half": ("search-hard20-dev",),
          "harder, twentieth round, held-out half": ("search-hard20-heldout",),
          "harder, twenty-first round, dev half": ("search-hard21-dev",),
          "harder, twenty-first round, held-out half": ("search-hard21-heldout",),
          "harder, twenty-second round, dev half": ("search-hard22-dev",),
          "harder, twenty-second round, held-out half": ("search-hard22-heldout",),
          "harder, twenty-third round, dev half": ("search-hard23-dev",),
          "harder, twenty-third round, held-out half": ("search-hard23-heldout",),
          "harder, twenty-fourth round, dev half": ("search-hard24-dev",),
          "harder, twenty-fourth round, held-out half": ("search-hard24-heldout",),
          "harder, twenty-fifth round, dev half": ("search-hard25-dev",),
          "harder, twenty-fifth round, held-out half": ("search-hard25-heldout",),
          "harder, twenty-sixth round, dev half": ("search-hard26-dev",),
          "harder, twenty-sixth round, held-out half": ("search-hard26-heldout",),
          "harder, twenty-seventh round, dev half": ("search-hard27-dev",),
          "harder, twenty-seventh round, held-out half": ("search-hard27-heldout",),
          "harder, twenty-eighth round, dev half": ("search-hard28-dev",),
          "harder, twenty-eighth round, held-out half": ("search-hard28-heldout",),
          "harder, twenty-ninth round, dev half": ("search-hard29-dev",),
          "harder, twenty-ninth round, held-out half": ("search-hard29-heldout",),
          "harder, thirtieth round, dev half": ("search-hard30-dev",),
          "harder, thirtieth round, held-out half": ("search-hard30-heldout",),
          "harder, thirty-first round, dev half": ("search-hard31-dev",),
          "harder, thirty-first round, held-out half": ("search-hard31-heldout",),
          "harder, thirty-second round, dev half": ("search-hard32-dev",),
          "harder, thirty-second round, held-out half": ("search-hard32-heldout",),
          "harder, thirty-third round, dev half": ("search-hard33-dev",),
          "harder, thirty-third round, held-out half": ("search-hard33-heldout",),
          "harder, thirty-fourth round, dev half": ("search-hard34-dev",),
          "harder, thirty-fourth round, held-out half": ("search-hard34-heldout",),
          "harder, thirty-fifth round, dev half": ("search-hard35-dev",),
          "harder, thirty-fifth round, held-out half": ("search-hard35-heldout",),
          "harder, thirty-sixth round, dev half": ("search-hard36-dev",),
          "harder, thirty-sixth round, held-out half": ("search-hard36-heldout",),
          "harder, thirty-seventh round, dev half": ("search-hard37-dev",),
          "harder, thirty-seventh round, held-out half": ("search-hard37-heldout",),
          "harder, thirty-eighth round, dev half": ("search-hard38-dev",),
          "harder, thirty-eighth round, held-out half": ("search-hard38-heldout",),
          "harder, thirty-ninth round, dev half": ("search-hard39-dev",),
          "harder, thirty-ninth round, held-out half": ("search-hard39-heldout",),
          "harder, fortieth round, dev half": ("search-hard40-dev",),
          "harder, fortieth round, held-out half": ("search-hard40-heldout",),
          "harder, forty-first round, dev half": ("search-hard41-dev",),
          "harder, forty-first round, held-out half": ("search-hard41-heldout",),
          "harder, forty-second round, dev half": ("search-hard42-dev",),
          "harder, forty-second round, held-out half": ("search-hard42-heldout",),
          "harder, forty-third round, dev half": ("search-hard43-dev",),
          "harder, forty-third round, held-out half": ("search-hard43-heldout",),
          "harder, forty-fourth round, dev half": ("search-hard44-dev",),
          "harder, forty-fourth round, held-out half": ("search-hard44-heldout",),
          "harder, forty-fifth round, dev half": ("search-hard45-dev",),
          "harder, forty-fifth round, held-out half": ("search-hard45-heldout",),
          "harder, forty-sixth round, dev half": ("search-hard46-dev",),
          "harder, forty-sixth round, held-out half": ("search-hard46-heldout",),
          "harder, forty-seventh round, dev half": ("search-hard47-dev",),
          "harder, forty-seventh round, held-out half": ("search-hard47-heldout",),
          "harder, forty-eighth round, dev half": ("search-hard48-dev",),
          "harder, forty-eighth round, held-out half": ("search-hard48-heldout",),
          "harder, forty-ninth round, dev half": ("search-hard49-dev",),
          "harder, forty-ninth round, held-out half": ("search-hard49-heldout",),
          "harder, fiftieth round, dev half": ("search-hard50-dev",),
          "harder, fiftieth round, held-out half": ("search-hard50-heldout",),
          "harder, fifty-first round, dev half": ("search-hard51-dev",),
          "harder, fifty-first round, held-out half": ("search-hard51-heldout",),
          "harder, fifty-second round, dev half": ("search-hard52-dev",),
          "harder, fifty-second round, held-out half": ("search-hard52-heldout",),
          "harder, fifty-third round, dev half": ("search-hard53-dev",),
          "harder, fifty-third round, held-out half": ("search-hard53-heldout",),
          "harder, fifty-fourth round, dev half": ("search-hard54-dev",),
          "harder, fifty-fourth round, held-out half": ("search-hard54-heldout",),
          "harder, fifty-fifth round, dev half": ("search-hard55-dev",),
          "harder, fifty-fifth round, held-out half": ("search-hard55-heldout",),
          "harder, fifty-sixth round, dev half": ("search-hard56-dev",),
          "harder, fifty-sixth round, held-out half": ("search-hard56-heldout",),
          "harder, fifty-seventh round, dev half": ("search-hard57-dev",),
          "harder, fifty-seventh round, held-out half": ("search-hard57-heldout",),
          "harder, fifty-eighth round, dev half": ("search-hard58-dev",),
          "harder, fifty-eighth round, held-out half": ("search-hard58-heldout",),
          "harder, fifty-ninth round, dev half": ("search-hard59-dev",),
          "harder, fifty-ninth round, held-out half": ("search-hard59-heldout",),
          "harder, sixtieth round, dev half": ("search-hard60-dev",),
          "harder, sixtieth round, held-out half": ("search-hard60-heldout",),
          "harder, sixty-first round, dev half": ("search-hard61-dev",),
          "harder, sixty-first round, held-out half": ("search-hard61-heldout",),
          "harder, sixty-second round, dev half": ("search-hard62-dev",),
          "harder, sixty-second round, held-out half": ("search-hard62-heldout",),
          "harder, sixty-third round, dev half": ("search-hard63-dev",),
          "harder, sixty-third round, held-out half": ("search-hard63-heldout",),
          "harder, sixty-fourth round, dev half": ("search-hard64-dev",),
          "harder, sixty-fourth round, held-out half": ("search-hard64-heldout",),
          "harder, sixty-fifth round, dev half": ("search-hard65-dev",),
          "harder, sixty-fifth round, held-out half": ("search-hard65-heldout",),
          "harder, sixty-sixth round, dev half": ("search-hard66-dev",),
          "harder, sixty-sixth round, held-out half": ("search-hard66-heldout",),
          "harder, sixty-seventh round, dev half": ("search-hard67-dev",),
          "harder, sixty-seventh round, held-out half": ("search-hard67-heldout",),
          "harder, sixty-eighth round, dev half": ("search-hard68-dev",),
          "harder, sixty-eighth round, held-out half": ("search-hard68-heldout",),
          "harder, sixty-ninth round, dev half": ("search-hard69-dev",),
          "harder, sixty-ninth round, held-out half": ("search-hard69-heldout",),
          "harder, seventieth round, dev half": ("search-hard70-dev",),
          "harder, seventieth round, held-out half": ("search-hard70-heldout",),
          "harder, seventy-first round, dev half": ("search-hard71-dev",),
          "harder, seventy-first round, held-out half": ("search-hard71-heldout",),
          "harder, seventy-second round, dev half": ("search-hard72-dev",),
          "harder, seventy-second round, held-out half": ("search-hard72-heldout",),
          "harder, seventy-third round, dev half": ("search-hard73-dev",),
          "harder, seventy-third round, held-out half": ("search-hard73-heldout",),
          "harder, seventy-fourth round, dev half": ("search-hard74-dev",),
          "harder, seventy-fourth round, held-out half": ("search-hard74-heldout",),
          "harder, seventy-fifth round, dev half": ("search-hard75-dev",),
          "harder, seventy-fifth round, held-out half": ("search-hard75-heldout",),
          "harder, seventy-sixth round, dev half": ("search-hard76-dev",),
          "harder, seventy-sixth round, held-out half": ("search-hard76-heldout",),
          "harder, seventy-eighth round, dev half": ("search-hard78-dev",),
          "harder, seventy-eighth round, held-out half": ("search-hard78-heldout",),
          "harder, seventy-seventh round, dev half": ("search-hard77-dev",),
          "harder, seventy-seventh round, held-out half": ("search-hard77-heldout",),
          "harder, eightieth round, dev half": ("search-hard80-dev",),
          "harder, eightieth round, held-out half": ("search-hard80-heldout",),
          "harder, seventy-ninth round, dev half": ("search-hard79-dev",),
          "harder, seventy-ninth round, held-out half": ("search-hard79-heldout",),
          "harder, eighty-first round, dev half": ("search-hard81-dev",),
          "harder, eighty-first round, held-out half": ("search-hard81-heldout",),
          "harder, eighty-second round, dev half": ("search-hard82-dev",),
          "harder, eighty-second round, held-out half": ("search-hard82-heldout",),
          "harder, eighty-third round, dev half": ("search-hard83-dev",),
          "harder, eighty-third round, held-out half": ("search-hard83-heldout",),
          "harder, eighty-fourth round, dev half": ("search-hard84-dev",),
          "harder, eighty-fourth round, held-out half": ("search-hard84-heldout",),
          "harder, eighty-fifth round, dev half": ("search-hard85-dev",),
          "harder, eighty-fifth round, held-out half": ("search-hard85-heldout",),
          "harder, eighty-sixth round, dev half": ("search-hard86-dev",),
          "harder, eighty-sixth round, held-out half": ("search-hard86-heldout",),
          "harder, eighty-seventh round, dev half": ("search-hard87-dev",),
          "harder, eighty-seventh round, held-out half": ("search-hard87-heldout",),
          "harder, eighty-eighth round, dev half": ("search-hard88-dev",),
          "harder, eighty-eighth round, held-out half": ("search-hard88-heldout",),
          "harder, eighty-ninth round, dev half": ("search-hard89-dev",),
          "harder, eighty-ninth round, held-out half": ("search-hard89-heldout",),
          "harder, ninetieth round, dev half": ("search-hard90-dev",),
          "harder, ninetieth round, held-out half": ("search-hard90-heldout",),
          "harder, ninety-first round, dev half": ("search-hard91-dev",),
          "harder, ninety-first round, held-out half": ("search-hard91-heldout",),
          "harder, ninety-second round, dev half": ("search-hard92-dev",),
          "harder, ninety-second round, held-out half": ("search-hard92-heldout",),
          "harder, ninety-third round, dev half": ("search-hard93-dev",),
          "harder, ninety-third round, held-out half": ("search-hard93-heldout",),
          "harder, ninety-fourth round, dev half": ("search-hard94-dev",),
          "harder, ninety-fourth round, held-out half": ("search-hard94-heldout",),
          "harder, ninety-fifth round, dev half": ("search-hard95-dev",),
          "harder, ninety-fifth round, held-out half": ("search-hard95-heldout",),
          "harder, ninety-sixth round, dev half": ("search-hard96-dev",),
          "harder, ninety-sixth round, held-out half": ("search-hard96-heldout",),
          "harder, ninety-seventh round, dev half": ("search-hard97-dev",),
          "harder, ninety-seventh round, held-out half": ("search-hard97-heldout",),
          "harder, ninety-eighth round, dev half": ("search-hard98-dev",),
          "harder, ninety-eighth round, held-out half": ("search-hard98-heldout",),
          "harder, ninety-ninth round, dev half": ("search-hard99-dev",),
          "harder, ninety-ninth round, held-out half": ("search-hard99-heldout",),
          "harder, hundredth round, dev half": ("search-hard100-dev",),
          "harder, hundredth round, held-out half": ("search-hard100-heldout",),
          "harder, hundred-and-first round, dev half": ("search-hard101-dev",),
          "harder, hundred-and-first round, held-out half": ("search-hard101-heldout",),
          "harder, hundred-and-second round, dev half": ("search-hard102-dev",),
          "harder, hundred-and-second round, held-out half": ("search-hard102-heldout",),
          "harder, hundred-and-third round, dev half": ("search-hard103-dev",),
          "harder, hundred-and-third round, held-out half": ("search-hard103-heldout",),
          "harder, hundred-and-fourth round, dev half": ("search-hard104-dev",),
          "harder, hundred-and-fourth round, held-out half": ("search-hard104-heldout",),
          "harder, hundred-and-fifth round, dev half": ("search-hard105-dev",),
          "harder, hundred-and-fifth round, held-out half": ("search-hard105-heldout",),
          "harder, hundred-and-sixth round, dev half": ("search-hard106-dev",),
          "harder, hundred-and-sixth round, held-out half": ("search-hard106-heldout",),
          "harder, hundred-and-seventh round, dev half": ("search-hard107-dev",),
          "harder, hundred-and-seventh round, held-out half": ("search-hard107-heldout",),
          "harder, hundred-and-eighth round, dev half": ("search-hard108-dev",),
          "harder, hundred-and-eighth round, held-out half": ("search-hard108-heldout",),
          "harder, hundred-and-ninth round, dev half": ("search-hard109-dev",),
          "harder, hundred-and-ninth round, held-out half": ("search-hard109-heldout",),
          "harder, hundred-and-tenth round, dev half": ("search-hard110-dev",),
          "harder, hundred-and-tenth round, held-out half": ("search-hard110-heldout",),
          "harder, hundred-and-eleventh round, dev half": ("search-hard111-dev",),
          "harder, hundred-and-eleventh round, held-out half": ("search-hard111-heldout",),
          "harder, hundred-and-twelfth round, dev half": ("search-hard112-dev",),
          "harder, hundred-and-twelfth round, held-out half": ("search-hard112-heldout",),
          "harder, hundred-and-thirteenth round, dev half": ("search-hard113-dev",),
          "harder, hundred-and-thirteenth round, held-out half": ("search-hard113-heldout",),
          "harder, hundred-and-fourteenth round, dev half": ("search-hard114-dev",),
          "harder, hundred-and-fourteenth round, held-out half": ("search-hard114-heldout",),
          "harder, hundred-and-fifteenth round, dev half": ("search-hard115-dev",),
          "harder, hundred-and-fifteenth round, held-out half": ("search-hard115-heldout",),
          "harder, hundred-and-sixteenth round, dev half": ("search-hard116-dev",),
          "harder, hundred-and-sixteenth round, held-out half": ("search-hard116-heldout",),
          "harder, hundred-and-seventeenth round, dev half": ("search-hard117-dev",),
          "harder, hundred-and-seventeenth round, held-out half": ("search-hard117-heldout",),
          "harder, hundred-and-eighteenth round, dev half": ("search-hard118-dev",),
          "harder, hundred-and-eighteenth round, held-out half": ("search-hard118-heldout",),
          "harder, hundred-and-nineteenth round, dev half": ("search-hard119-dev",),
          "harder, hundred-and-nineteenth round, held-out half": ("search-hard119-heldout",),
          "harder, hundred-and-twentieth round, dev half": ("search-hard120-dev",),
          "harder, hundred-and-twentieth round, held-out half": ("search-hard120-heldout",),
          "harder, hundred-and-twenty-first round, dev half": ("search-hard121-dev",),
          "harder, hundred-and-twenty-first round, held-out half": ("search-hard121-heldout",),
          "harder, hundred-and-twenty-second round, dev half": ("search-hard122-dev",),
          "harder, hundred-and-twenty-second round, held-out half": ("search-hard122-heldout",),
          "harder, hundred-and-twenty-third round, dev half": ("search-hard123-dev",),
          "harder, hundred-and-twenty-third round, held-out half": ("search-hard123-heldout",),
          "harder, hundred-and-twenty-fourth round, dev half": ("search-hard124-dev",),
          "harder, hundred-and-twenty-fourth round, held-out half": ("search-hard124-heldout",),
          "harder, hundred-and-twenty-fifth round, dev half": ("search-hard125-dev",),
          "harder, hundred-and-twenty-fifth round, held-out half": ("search-hard125-heldout",),
          "harder, hundred-and-twenty-sixth round, dev half": ("search-hard126-dev",),
          "harder, hundred-and-twenty-sixth round, held-out half": ("search-hard126-heldout",),
          "harder, hundred-and-twenty-seventh round, dev half": ("search-hard127-dev",),
          "harder, hundred-and-twenty-seventh round, held-out half": ("search-hard127-heldout",),
          "harder, hundred-and-twenty-eighth round, dev half": ("search-hard128-dev",),
          "harder, hundred-and-twenty-eighth round, held-out half": ("search-hard128-heldout",),
          "harder, hundred-and-twenty-ninth round, dev half": ("search-hard129-dev",),
          "harder, hundred-and-twenty-ninth round, held-out half": ("search-hard129-heldout",),
          "harder, hundred-and-thirtieth round, dev half": ("search-hard130-dev",),
          "harder, hundred-and-thirtieth round, held-out half": ("search-hard130-heldout",),
          "harder, hundred-and-thirty-first round, dev half": ("search-hard131-dev",),
          "harder, hundred-and-thirty-first round, held-out half": ("search-hard131-heldout",),
          "harder, hundred-and-thirty-second round, dev half": ("search-hard132-dev",),
          "harder, hundred-and-thirty-second round, held-out half": ("search-hard132-heldout",),
          "harder, hundred-and-thirty-third round, dev half": ("search-hard133-dev",),
          "harder, hundred-and-thirty-third round, held-out half": ("search-hard133-heldout",),
          "harder, hundred-and-thirty-fourth round, dev half": ("search-hard134-dev",),
          "harder, hundred-and-thirty-fourth round, held-out half": ("search-hard134-heldout",),
          "harder, hundred-and-thirty-fifth round, dev half": ("search-hard135-dev",),
          "harder, hundred-and-thirty-fifth round, held-out half": ("search-hard135-heldout",),
          "harder, hundred-and-thirty-sixth round, dev half": ("search-hard136-dev",),
          "harder, hundred-and-thirty-sixth round, held-out half": ("search-hard136-heldout",),
          "harder, hundred-and-thirty-seventh round, dev half": ("search-hard137-dev",),
          "harder, hundred-and-thirty-seventh round, held-out half": ("search-hard137-heldout",),
          "harder, hundred-and-thirty-eighth round, dev half": ("search-hard138-dev",),
          "harder, hundred-and-thirty-eighth round, held-out half": ("search-hard138-heldout",),
          "harder, hundred-and-thirty-ninth round, dev half": ("search-hard139-dev",),
          "harder, hundred-and-thirty-ninth round, held-out half": ("search-hard139-heldout",),
          "harder, hundred-and-fortieth round, dev half": ("search-hard140-dev",),
          "harder, hundred-and-fortieth round, held-out half": ("search-hard140-heldout",),
          "harder, hundred-and-forty-first round, dev half": ("search-hard141-dev",),
          "harder, hundred-and-forty-first round, held-out half": ("search-hard141-heldout",),
          "harder, hundred-and-forty-second round, dev half": ("search-hard142-dev",),
          "harder, hundred-and-forty-second round, held-out half": ("search-hard142-heldout",),
          "harder, hundred-and-forty-third round, dev half": ("search-hard143-dev",),
          "harder, hundred-and-forty-third round, held-out half": ("search-hard143-heldout",),
          "harder, hundred-and-forty-fourth round, dev half": ("search-hard144-dev",),
          "harder, hundred-and-forty-fourth round, held-out half": ("search-hard144-heldout",),
          "harder, hundred-and-forty-fifth round, dev half": ("search-hard145-dev",),
          "harder, hundred-and-forty-fifth round, held-out half": ("search-hard145-heldout",),
          "harder, hundred-and-forty-sixth round, dev half": ("search-hard146-dev",),
          "harder, hundred-and-forty-sixth round, held-out half": ("search-hard146-heldout",),
          "harder, hundred-and-forty-seventh round, dev half": ("search-hard147-dev",),
          "harder, hundred-and-forty-seventh round, held-out half": ("search-hard147-heldout",),
          "harder, hundred-and-forty-eighth round, dev half": ("search-hard148-dev",),
          "harder, hundred-and-forty-eighth round, held-out half": ("search-hard148-heldout",),
          "harder, hundred-and-forty-ninth round, dev half": ("search-hard149-dev",),
          "harder, hundred-and-forty-ninth round, held-out half": ("search-hard149-heldout",),
          "harder, hundred-and-fiftieth round, dev half": ("search-hard150-dev",),
          "harder, hundred-and-fiftieth round, held-out half": ("search-hard150-heldout",),
          "harder, hundred-and-fifty-first round, dev half": ("search-hard151-dev",),
          "harder, hundred-and-fifty-first round, held-out half": ("search-hard151-heldout",),
          "harder, hundred-and-fifty-second round, dev half": ("search-hard152-dev",),
          "harder, hundred-and-fifty-second round, held-out half": ("search-hard152-heldout",),
          "harder, hundred-and-fifty-third round, dev half": ("search-hard153-dev",),
          "harder, hundred-and-fifty-third round, held-out half": ("search-hard153-heldout",),
          "harder, hundred-and-fifty-fourth round, dev half": ("search-hard154-dev",),
          "harder, hundred-and-fifty-fourth round, held-out half": ("search-hard154-heldout",),
          "harder, hundred-and-fifty-fifth round, dev half": ("search-hard155-dev",),
          "harder, hundred-and-fifty-fifth round, held-out half": ("search-hard155-heldout",),
          "harder, hundred-and-fifty-sixth round, dev half": ("search-hard156-dev",),
          "harder, hundred-and-fifty-sixth round, held-out half": ("search-hard156-heldout",),
          "harder, hundred-and-fifty-seventh round, dev half": ("search-hard157-dev",),
          "harder, hundred-and-fifty-seventh round, held-out half": ("search-hard157-heldout",),
          "harder, hundred-and-fifty-eighth round, dev half": ("search-hard158-dev",),
          "harder, hundred-and-fifty-eighth round, held-out half": ("search-hard158-heldout",),
          "harder, hundred-and-fifty-ninth round, dev half": ("search-hard159-dev",),
          "harder, hundred-and-fifty-ninth round, held-out half": ("search-hard159-heldout",),
          "harder, hundred-and-sixtieth round, dev half": ("search-hard160-dev",),
          "harder, hundred-and-sixtieth round, held-out half": ("search-hard160-heldout",),
          "harder, hundred-and-sixty-first round, dev half": ("search-hard161-dev",),
          "harder, hundred-and-sixty-first round, held-out half": ("search-hard161-heldout",),
          "harder, hundred-and-sixty-second round, dev half": ("search-hard162-dev",),
          "harder, hundred-and-sixty-second round, held-out half": ("search-hard162-heldout",),
          "harder, hundred-and-sixty-third round, dev half": ("search-hard163-dev",),
          "harder, hundred-and-sixty-third round, held-out half": ("search-hard163-heldout",),
          "harder, hundred-and-sixty-fourth round, dev half": ("search-hard164-dev",),
          "harder, hundred-and-sixty-fourth round, held-out half": ("search-hard164-heldout",),
          "harder, hundred-and-sixty-fifth round, dev half": ("search-hard165-dev",),
          "harder, hundred-and-sixty-fifth round, held-out half": ("search-hard165-heldout",),
          "harder, hundred-and-sixty-sixth round, dev half": ("search-hard166-dev",),
          "harder, hundred-and-sixty-sixth round, held-out half": ("search-hard166-heldout",),
          "harder, hundred-and-sixty-seventh round, dev half": ("search-hard167-dev",),
          "harder, hundred-and-sixty-seventh round, held-out half": ("search-hard167-heldout",),
          "harder, hundred-and-sixty-eighth round, dev half": ("search-hard168-dev",),
          "harder, hundred-and-sixty-eighth round, held-out half": ("search-hard168-heldout",),
          "harder, hundred-and-sixty-ninth round, dev half": ("search-hard169-dev",),
          "harder, hundred-and-sixty-ninth round, held-out half": ("search-hard169-heldout",),
          "harder, hundred-and-seventieth round, dev half": ("search-hard170-dev",),
          "harder, hundred-and-seventieth round, held-out half": ("search-hard170-heldout",),
          "harder, hundred-and-seventy-first round, dev half": ("search-hard171-dev",),
          "harder, hundred-and-seventy-first round, held-out half": ("search-hard171-heldout",),
          "harder, hundred-and-seventy-second round, dev half": ("search-hard172-dev",),
          "harder, hundred-and-seventy-second round, held-out half": ("search-hard172-heldout",),
          "harder, hundred-and-seventy-third round, dev half": ("search-hard173-dev",),
          "harder, hundred-and-seventy-third round, held-out half": ("search-hard173-heldout",),
          "harder, hundred-and-seventy-fourth round, dev half": ("search-hard174-dev",),
          "harder, hundred-and-seventy-fourth round, held-out half": ("search-hard174-heldout",),
          "harder, hundred-and-seventy-fifth round, dev half": ("search-hard175-dev",),
          "harder, hundred-and-seventy-fifth round, held-out half": ("search-hard175-heldout",),
          "harder, hundred-and-seventy-sixth round, dev half": ("search-hard176-dev",),
          "harder, hundred-and-seventy-sixth round, held-out half": ("search-hard176-heldout",),
          "harder, hundred-and-seventy-seventh round, dev half": ("search-hard177-dev",),
          "harder, hundred-and-seventy-seventh round, held-out half": ("search-hard177-heldout",),
          "harder, hundred-and-seventy-eighth round, dev half": ("search-hard178-dev",),
          "harder, hundred-and-seventy-eighth round, held-out half": ("search-hard178-heldout",),
          "harder, hundred-and-seventy-ninth round, dev half": ("search-hard179-dev",),
          "harder, hundred-and-seventy-ninth round, held-out half": ("search-hard179-heldout",),
          "harder, hundred-and-eightieth round, dev half": ("search-hard180-dev",),
          "harder, hundred-and-eightieth round, held-out half": ("search-hard180-heldout",),
          "harder, hundred-and-eighty-first round, dev half": ("search-hard181-dev",),
          "harder, hundred-and-eighty-first round, held-out half": ("search-hard181-heldout",),
          "harder, hundred-and-eighty-second round, dev half": ("search-hard182-dev",),
          "harder, hundred-and-eighty-second round, held-out half": ("search-hard182-heldout",),
          "harder, hundred-and-eighty-fifth round, dev half": ("search-hard185-dev",),
          "harder, hundred-and-eighty-fifth round, held-out half": ("search-hard185-heldout",),
          "harder, hundred-and-eighty-sixth round, dev half": ("search-hard186-dev",),
          "harder, hundred-and-eighty-sixth round, held-out half": ("search-hard186-heldout",),
          "harder, hundred-and-eighty-seventh round, dev half": ("search-hard187-dev",),
          "harder, hundred-and-eighty-seventh round, held-out half": ("search-hard187-heldout",),
          "harder, hundred-and-eighty-eighth round, dev half": ("search-hard188-dev",),
          "harder, hundred-and-eighty-eighth round, held-out half": ("search-hard188-heldout",),
          "harder, hundred-and-eighty-third round, dev half": ("search-hard183-dev",),
          "harder, hundred-and-eighty-third round, held-out half": ("search-hard183-heldout",),
          "harder, hundred-and-eighty-fourth round, dev half": ("search-hard184-dev",),
          "harder, hundred-and-eighty-fourth round, held-out half": ("search-hard184-heldout",),
          "harder, hundred-and-eighty-ninth round, dev half": ("search-hard189-dev",),
          "harder, hundred-and-eighty-ninth round, held-out half": ("search-hard189-heldout",),
          "harder, hundred-and-ninetieth round, dev half": ("search-hard190-dev",),
          "harder, hundred-and-ninetieth round, held-out half": ("search-hard190-heldout",),
          "harder, hundred-and-ninety-first round, dev half": ("search-hard191-dev",),
          "harder, hundred-and-ninety-first round, held-out half": ("search-hard191-heldout",),
          "harder, hundred-and-ninety-second round, dev half": ("search-hard192-dev",),
          "harder, hundred-and-ninety-second round, held-out half": ("search-hard192-heldout",),
          "harder, hundred-and-ninety-third round, dev half": ("search-hard193-dev",),
          "harder, hundred-and-ninety-third round, held-out half": ("search-hard193-heldout",),
          "harder, hundred-and-ninety-fourth round, dev half": ("search-hard194-dev",),
          "harder, hundred-and-ninety-fourth round, held-out half": ("search-hard194-heldout",),
          "harder, hundred-and-ninety-fifth round, dev half": ("search-hard195-dev",),
          "harder, hundred-and-ninety-fifth round, held-out half": ("search-hard195-heldout",),
          "harder, hundred-and-ninety-sixth round, dev half": ("search-hard196-dev",),
          "harder, hundred-and-ninety-sixth round, held-out half": ("search-hard196-heldout",),
          "harder, hundred-and-ninety-seventh round, dev half": ("search-hard197-dev",),
          "harder, hundred-and-ninety-seventh round, held-out half": ("search-hard197-heldout",),
          "harder, hundred-and-ninety-eighth round, dev half": ("search-hard198-dev",),
          "harder, hundred-and-ninety-eighth round, held-out half": ("search-hard198-heldout",),
          "harder, hundred-and-ninety-ninth round, dev half": ("search-hard199-dev",),
          "harder, hundred-and-ninety-ninth round, held-out half": ("search-hard199-heldout",),
          "harder, two-hundredth round, dev half": ("search-hard200-dev",),
          "harder, two-hundredth round, held-out half": ("search-hard200-heldout",),
          "harder, two-hundred-and-first round, dev half": ("search-hard201-dev",),
          "harder, two-hundred-and-first round, held-out half": ("search-hard201-heldout",),
          "harder, two-hundred-and-second round, dev half": ("search-hard202-dev",),
          "harder, two-hundred-and-second round, held-out half": ("search-hard202-heldout",),
          "harder, two-hundred-and-third round, dev half": ("search-hard203-dev",),
          "harder, two-hundred-and-third round, held-out half": ("search-hard203-heldout",),
          "harder, two-hundred-and-fourth round, dev half": ("search-hard204-dev",),
          "harder, two-hundred-and-fourth round, held-out half": ("search-hard204-heldout",),
          "harder, two-hundred-and-fifth round, dev half": ("search-hard205-dev",),
          "harder, two-hundred-and-fifth round, held-out half": ("search-hard205-heldout",),
          "harder, two-hundred-and-sixth round, dev half": ("search-hard206-dev",),
          "harder, two-hundred-and-sixth round, held-out half": ("search-hard206-heldout",),
          "harder, two-hundred-and-seventh round, dev half": ("search-hard207-dev",),
          "harder, two-hundred-and-seventh round, held-out half": ("search-hard207-heldout",),
          "harder, two-hundred-and-eighth round, dev half": ("search-hard208-dev",),
          "harder, two-hundred-and-eighth round, held-out half": ("search-hard208-heldout",)}
HELD_OUT = ("search-hard-heldout", "search-hard2-heldout", "search-hard3-heldout", "search-hard4-heldout",
            "search-hard5-heldout", "search-hard6-heldout", "search-hard7-heldout", "search-hard8-heldout",
            "search-hard9-heldout", "search-hard10-heldout", "search-hard11-heldout", "search-hard12-heldout",
            "search-hard13-heldout", "search-hard14-heldout", "search-hard15-heldout", "search-hard16-heldout",
            "search-hard17-heldout", "search-hard18-heldout",
            "search-hard19-heldout", "search-hard20-heldout", "search-hard21-heldout", "search-hard22-heldout",
            "search-hard23-heldout", "search-hard24-heldout",
            "search-hard25-heldout", "search-hard26-heldout", "search-hard27-heldout",
            "search-hard28-heldout", "search-hard29-heldout", "search-hard30-heldout", "search-hard31-heldout",
            "search-hard32-heldout", "search-hard33-heldout", "search-hard34-heldout", "search-hard35-heldout",
            "search-hard36-heldout", "search-hard37-heldout", "search-hard38-heldout",
            "search-hard39-heldout", "search-hard40-heldout", "search-hard41-heldout",
            "search-hard42-heldout", "search-hard43-heldout",
            "search-hard44-heldout", "search-hard45-heldout", "search-hard46-heldout",
            "search-hard47-heldout", "search-hard48-heldout",
            "search-hard49-heldout", "search-hard50-heldout", "search-hard51-heldout",
            "search-hard52-heldout", "search-hard53-heldout",
            "search-hard54-heldout", "search-hard55-heldout",
            "search-hard56-heldout",
            "search-hard57-heldout",
            "search-hard58-heldout",
            "search-hard59-heldout",
            "search-hard60-heldout",
            "search-hard61-heldout",
            "search-hard62-heldout",
            "search-hard63-heldout",
            "search-hard64-heldout",
            "search-hard65-heldout",
            "search-hard66-heldout",
            "search-hard67-heldout",
            "search-hard68-heldout",
            "search-hard69-heldout",
            "search-hard70-heldout",
            "search-hard71-heldout",
            "search-hard72-heldout",
            "search-hard73-heldout",
            "search-hard74-heldout",
            "search-hard75-heldout",
            "search-hard76-heldout",
            "search-hard78-heldout",
            "search-hard77-heldout",
            "search-hard80-heldout",
            "search-hard79-heldout",
            "search-hard81-heldout",
            "search-hard82-heldout",
            "search-hard83-heldout",
            "search-hard84-heldout",
            "search-hard85-heldout",
            "search-hard86-heldout",
            "search-hard87-heldout",
            "search-hard88-heldout",
            "search-hard89-heldout",
            "search-hard90-heldout",
            "search-hard91-heldout",
            "search-hard92-heldout",
            "search-hard93-heldout",
            "search-hard94-heldout",
            "search-hard95-heldout",
            "search-hard96-heldout",
            "search-hard97-heldout",
            "search-hard98-heldout",
            "search-hard99-heldout",
            "search-hard100-heldout",
            "search-hard101-heldout",
            "search-hard102-heldout",
            "search-hard103-heldout",
            "search-hard104-heldout",
            "search-hard105-heldout",
            "search-hard106-heldout",
            "search-hard107-heldout",
            "search-hard108-heldout",
            "search-hard109-heldout",
            "search-hard110-heldout",
            "search-hard111-heldout",
            "search-hard112-heldout",
            "search-hard113-heldout",
            "search-hard114-heldout",
            "search-hard115-heldout",
            "search-hard116-heldout",
            "search-hard117-heldout",
            "search-hard118-heldout",
            "search-hard119-heldout",
            "search-hard120-heldout",
            "search-hard121-heldout",
            "search-hard122-heldout",
            "search-hard123-heldout",
            "search-hard124-heldout",
            "search-hard125-heldout",
            "search-hard126-heldout",
            "search-hard127-heldout",
            "search-hard128-heldout",
            "search-hard129-heldout",
            "search-hard130-heldout",
            "search-hard131-heldout",
            "search-hard132-heldout",
            "search-hard133-heldout",
            "search-hard134-heldout",
            "search-hard135-heldout",
            "search-hard136-heldout",
            "search-hard137-heldout",
            "search-hard138-heldout",
            "search-hard139-heldout",
            "search-hard140-heldout",
            "search-hard141-heldout",
            "search-hard142-heldout",
            "search-hard143-heldout",
            "search-hard144-heldout",
            "search-hard145-heldout",
            "search-hard146-heldout",
            "search-hard147-heldout",
            "search-hard148-heldout",
            "search-hard149-heldout",
            "search-hard150-heldout",
            "search-hard151-heldout",
            "search-hard152-heldout",
            "search-hard153-heldout",
            "search-hard154-heldout",
            "search-hard155-heldout",
            "search-hard156-heldout",
            "search-hard157-heldout",
            "search-hard158-heldout",
            "search-hard159-heldout",
            "search-hard160-heldout",
            "search-hard161-heldout",
            "search-hard162-heldout",
            "search-hard163-heldout",
            "search-hard164-heldout",
            "search-hard165-heldout",
            "search-hard166-heldout",
            "search-hard167-heldout",
            "search-hard168-heldout",
            "search-hard169-heldout",
            "search-hard170-heldout",
            "search-hard171-heldout",
            "search-hard172-heldout",
            "search-hard173-heldout",
            "search-hard174-heldout",
            "search-hard175-heldout",
            "search-hard176-heldout",
            "search-hard177-heldout",
            "search-hard178-heldout",
            "search-hard179-heldout",
            "search-hard180-heldout",
            "search-hard181-heldout",
            "search-hard182-heldout",
            "search-hard185-heldout",
            "search-hard186-heldout",
            "search-hard187-heldout",
            "search-hard188-heldout",
            "search-hard183-heldout",
            "search-hard184-heldout",
            "search-hard189-heldout",
            "search-hard190-heldout",
            "search-hard191-heldout",
            "search-hard192-heldout",
            "search-hard193-heldout",
            "search-hard194-heldout",
            "search-hard195-heldout",
            "search-hard196-heldout",
            "search-hard197-heldout",
            "search-hard198-heldout",
            "search-hard199-heldout",
            "search-hard200-heldout",
            "search-hard201-heldout",
            "search-hard202-heldout",
            "search-hard203-heldout",
            "search-hard204-heldout",
            "search-hard205-heldout",
            "search-hard206-heldout",
            "search-hard207-heldout",
            "search-hard208-heldout")


def load_cases(kind: str) -> list[dict]:
    cases = []
    for path in sorted(DATA.glob(f"{kind}-*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            case.setdefault("set", path.stem)
            cases.append(case)
    return cases


def hyoka_lines(corpus, params: dict) -> list[int]:
    from search.engine import run_search
    from search.query import parse_query

    request = {k: v if isinstance(v, list) else [v] for k, v in params.items()}
    request["per_page"] = ["50"]
    response = run_search(corpus, parse_query(request))
    return [r["source"]["line"] for r in response["results"]]


def score(cases: list[dict], ranked_lines) -> list[dict]:
    rows = []
    for case in cases:
        ranked = ranked_lines(case["params"])
        relevant = set(case["relevant_lines"])
        rows.append({"id": case["id"], "kind": case.get("kind", ""), "set": case.get("set", ""),
                     "recall@50": recall_at(ranked, relevant), "P@10": precision_at(ranked, relevant),
                     "nDCG@10": ndcg_at(ranked, relevant),
                     "missing": sorted(relevant - set(ranked[:50])),
                     "false_top10": [r for r in ranked[:10] if r not in relevant]})
    return rows


def averages(rows: list[dict]) -> dict:
    n = len(rows) or 1
    return {m: sum(r[m] for r in rows) / n for m in METRICS}


def peer_rankers(client, chapters: dict[str, str]) -> dict:
    """The three ways of asking the peer, each ``params -> ranked lines``."""
    from bench import peer

    def table_view(fallback: bool):
        def ranked(params):
            path, query = peer.peer_request(params, chapters, size=50, facets=False, fallback=fallback)
            return [row["line"] for row in client.get_json(path, query)["rows"]]
        return ranked

    def bm25(params):
        sql = peer.peer_sql(params, chapters, limit=50)
        return [row["line"] for row in client.get_json("/peer.json", [("sql", sql), ("_shape", "objects")])["rows"]]

    return {"peer": table_view(True), "peer, FTS only": table_view(False), "peer, bm25": bm25}


def kind_rows(results: dict[str, list[dict]], systems, sets=None) -> list[list]:
    """One row per kind (and "all") over the cases of ``sets`` (every set when None)."""
    rows = []
    chosen = {s: [r for r in results[s] if sets is None or r["set"] in sets] for s in systems}
    kinds = [k for k in KINDS if any(r["kind"] == k for r in chosen["hyoka"])]
    kinds += sorted({r["kind"] for r in chosen["hyoka"]} - set(kinds))
    for kind in [*kinds, "all"]:
        selected = {s: [r for r in chosen[s] if kind == "all" or r["kind"] == kind] for s in systems}
        row = [kind, len(selected["hyoka"])]
        for metric in METRICS:
            row += [round(averages(selected[s])[metric], 3) for s in systems]
        rows.append(row)
    return rows


def run(verbose: bool = False, hyoka_only: bool = False) -> dict:
    from bench import peer
    from bench.prepare import one_x
    from bench.report import machine
    from index.build import Workspace
    from search.corpus import Library

    info = machine()
    root, database = one_x() if not hyoka_only else (None, None)
    if hyoka_only:
        from index.build import default_workspace, ensure_built

        workspace = default_workspace()
        ensure_built(workspace)
    else:
        workspace = Workspace(root)
    corpus = Library(workspace).current()
    cases = load_cases("search")
    results = {"hyoka": score(cases, lambda p: hyoka_lines(corpus, p))}
    like = [c["id"] for c in cases if peer.uses_like(peer.query_text(c["params"])) and c["set"] not in HELD_OUT]
    if not hyoka_only:
        from bench.servers import PEER_PORT, Client, peer_server

        chapters = peer.chapter_titles(workspace.database())
        with peer_server(database, PEER_PORT):
            client = Client(PEER_PORT)
            for name, ranked in peer_rankers(client, chapters).items():
                results[name] = score(cases, ranked)
            client.close()
    return {"machine": info, "cases": len(cases), "sets": sorted({c["set"] for c in cases}),
            "peer_like_fallback": like, "results": results,
            "averages": {name: averages(rows) for name, rows in results.items()}}


def report(data: dict, verbose: bool) -> None:
    from bench.report import markdown_table, write

    results = data["results"]
    systems = [s for s in SYSTEMS if s in results]
    headers = ["case", "kind"] + [f"{m} {s}" for m in METRICS for s in systems[:2]]
    per_query = []
    for i, row in enumerate(results["hyoka"]):
        if row["set"] in HELD_OUT:
            continue
        line = [row["id"], row["kind"]]
        for metric in METRICS:
            line += [round(results[s][i][metric], 3) for s in systems[:2]]
        per_query.append(line)
    kind_headers = ["kind", "cases"] + [f"{m} {s}" for m in METRICS for s in systems]
    own = [r for r in results["hyoka"] if r["set"] in GROUPS["document's own words"]]
    hyoka = averages(own)
    verdict = [f"hyoka-search on the document's own words: recall@50 {hyoka['recall@50']:.3f} (target ≥ 0.95, "
               f"{'met' if hyoka['recall@50'] >= 0.95 else 'not met'}), nDCG@10 {hyoka['nDCG@10']:.3f} "
               f"(target ≥ 0.90, {'met' if hyoka['nDCG@10'] >= 0.90 else 'not met'})."]
    for name, sets in list(GROUPS.items())[1:]:
        chosen = [r for r in results["hyoka"] if r["set"] in sets]
        if chosen:
            m = averages(chosen)
            verdict.append(f"hyoka-search, {name} ({len(chosen)} cases): recall@50 {m['recall@50']:.3f} "
                           f"(target ≥ 0.90), nDCG@10 {m['nDCG@10']:.3f} (target ≥ 0.85).")
    if "peer" in results:
        kinds = kind_rows(results, systems)
        behind = [r[0] for r in kinds[:-1]
                  if any(averages([x for x in results["hyoka"] if x["kind"] == r[0]])[m]
                         <= averages([x for x in results["peer"] if x["kind"] == r[0]])[m] for m in METRICS)]
        verdict.append("Above the peer on every metric of every kind." if not behind else
                       f"Not strictly above the peer on every metric for: {', '.join(behind)} "
                       "(equal counts as not above).")
        verdict.append(f"{len(data['peer_like_fallback'])} of the cases outside the held-out half have a word of one or two "
                       "characters, which FTS5 trigram search cannot match; the peer answers them with "
                       f"LIKE: {', '.join(data['peer_like_fallback'])}.")
    sections = [("Summary", "\n\n".join(verdict))]
    for name, sets in GROUPS.items():
        if any(r["set"] in sets for r in results["hyoka"]):
            sections.append((f"By kind: {name}", markdown_table(kind_headers, kind_rows(results, systems, sets))))
    sections.append(("Per query (hyoka-search, then the peer's table view)", markdown_table(headers, per_query)))
    if verbose:
        misses = [f"- {r['id']}: missing {r['missing']}, false in top 10 {r['false_top10']}"
                  for r in results["hyoka"] if (r["missing"] or r["false_top10"]) and r["set"] not in HELD_OUT]
        sections.append(("hyoka-search misses", "\n".join(misses) or "none"))
    # The JSON keeps the held-out half's averages only, like the tables.
    data["held_out_averages"] = {name: averages([r for r in rows if r["set"] in HELD_OUT])
                                 for name, rows in results.items()}
    data["results"] = {name: [r for r in rows if r["set"] not in HELD_OUT] for name, rows in results.items()}
    write("search_quality", "Search quality on the judged cases", sections, data)


def main(argv: list[str]) -> int:
    data = run(hyoka_only="--hyoka-only" in argv)
    report(data, "--verbose" in argv or True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
