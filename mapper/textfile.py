"""Reading a user's text file (table or report) with one-line errors."""

from __future__ import annotations

from pathlib import Path

from mapper.errors import InputError


def read_utf8(path: Path, *, what: str, max_bytes: int | None = None) -> str:
    """The text of a UTF-8 file (a leading BOM is dropped).

    Parameters
    ----------
    path
        The file.
    what
        What the file should be, for messages: ``"a CSV table"``, ``"a report"``.
    max_bytes
        Refuse larger files.

    Raises
    ------
    InputError
        Missing, a folder, unreadable, too large or not UTF-8.
    """
    try:
        if max_bytes is not None and (size := path.stat().st_size) > max_bytes:
            raise InputError(f"{path}: {size} bytes is too large for {what}")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not {what}") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
            f"save {what} as UTF-8"
        ) from None
