"""From report text to places and incidents.

The stages, each a module of pure functions over plain data:

- :mod:`~mapper.text.reader`: a file (text or HTML) -> :class:`~mapper.text.reader.Document`
  (body, publication date, dateline place);
- :mod:`~mapper.text.sentences`: sentence spans, quotations and who is quoted;
- :mod:`~mapper.text.mentions`: place mentions with character offsets
  (one Aho-Corasick pass over every gazetteer name, plus landmark phrases);
- :mod:`~mapper.text.context`: each mention resolved using the rest of the document;
- :mod:`~mapper.text.counts` and :mod:`~mapper.text.dates`: numbers with qualifiers,
  absolute and relative dates;
- :mod:`~mapper.text.events`: sentences -> incidents;
- :mod:`~mapper.text.route`: where a march came from, went through and headed;
- :mod:`~mapper.text.extract`: the whole chain, and its results as a case or JSON.
"""
