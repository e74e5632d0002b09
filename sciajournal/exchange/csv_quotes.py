"""What a CSV reader's complaint about quotes means, said with the line it happened on.

Python's csv module says "unexpected end of data" when a quote is never closed, and on
the line where the file ended, not where the quote was opened: a user looking for a
missing quote in a diary of 300 lines needs the line it opens on. The quoting rules
are RFC 4180's, as the csv module (and every spreadsheet) applies them: a quote opens a
quoted value only at the start of a value, and "" inside one is a quote in the text.
"""

import csv

QUOTE = '"'
HOW_TO_QUOTE = 'write a quote inside a value as two: ""'


def unclosed_quote_line(text: str, separator: str) -> int | None:
    """The line (1-based) of the quote that opens a value still open at the end of
    `text`, or None when every quoted value is closed. Lines end at \\n, \\r\\n or \\r,
    as the csv module counts them."""
    line, opened_on = 1, None
    quoted, value_starts = False, True
    index, end = 0, len(text)
    while index < end:
        char = text[index]
        index += 1
        if char == "\r" and text[index : index + 1] == "\n":
            char, index = "\n", index + 1  # one line end, not two
        if char in "\r\n":
            line += 1
            value_starts = value_starts or not quoted  # a new row starts a value
        elif quoted:
            if char == QUOTE:
                if text[index : index + 1] == QUOTE:
                    index += 1  # "" is a quote in the text
                else:
                    quoted = False
        elif char == QUOTE and value_starts:
            quoted, opened_on, value_starts = True, line, False
        else:
            value_starts = char == separator
    return opened_on if quoted else None


def quote_problem(error: csv.Error, text: str, separator: str, line: int) -> tuple[int, str]:
    """The line to name and the words for a csv.Error met while reading `text`; `line`
    is the line the reader had reached (where text after a closing quote was found)."""
    if "expected after" in str(error):  # the first problem the reader met: say that one
        return line, (
            f"text after the quote ({QUOTE}) that closes a value; put the whole value "
            f"in quotes and {HOW_TO_QUOTE}"
        )
    opened_on = unclosed_quote_line(text, separator)
    if opened_on is not None:
        return opened_on, (
            f"a quote ({QUOTE}) opened here is never closed "
            f"(end the value with a quote; {HOW_TO_QUOTE})"
        )
    return line, str(error)
