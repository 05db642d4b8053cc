"""The pdfium functions the PDF child calls per page object, taking and returning handles as plain
integers (None for NULL).

pypdfium2's bindings type every handle as a ctypes pointer, so each returned handle is a new
pointer object and each call checks its arguments' pointer types: about half the cost of a
call on a page of a thousand objects. These are the same C functions (same addresses, same
calling convention) with handles typed as `c_void_p`.
"""
from __future__ import annotations

import ctypes

import pypdfium2.raw as r


def _is_handle(kind) -> bool:
    target = getattr(kind, "_type_", None)
    return isinstance(target, type) and target.__name__.startswith("struct_fpdf_")


def _with_int_handles(fn):
    args = tuple(ctypes.c_void_p if _is_handle(t) else t for t in fn.argtypes)
    restype = ctypes.c_void_p if _is_handle(fn.restype) else fn.restype
    return ctypes.CFUNCTYPE(restype, *args)(ctypes.cast(fn, ctypes.c_void_p).value)


def handle(pointer) -> int | None:
    """The integer handle of a pypdfium2 pointer (e.g. `PdfPage.raw`)."""
    return ctypes.cast(pointer, ctypes.c_void_p).value


LoadTextPage = _with_int_handles(r.FPDFText_LoadPage)
CloseTextPage = _with_int_handles(r.FPDFText_ClosePage)
CountObjects = _with_int_handles(r.FPDFPage_CountObjects)
GetObject = _with_int_handles(r.FPDFPage_GetObject)
FormCountObjects = _with_int_handles(r.FPDFFormObj_CountObjects)
FormGetObject = _with_int_handles(r.FPDFFormObj_GetObject)
GetType = _with_int_handles(r.FPDFPageObj_GetType)
GetBounds = _with_int_handles(r.FPDFPageObj_GetBounds)
GetMatrix = _with_int_handles(r.FPDFPageObj_GetMatrix)
GetClipPath = _with_int_handles(r.FPDFPageObj_GetClipPath)
ClipCountPaths = _with_int_handles(r.FPDFClipPath_CountPaths)
ClipCountSegments = _with_int_handles(r.FPDFClipPath_CountPathSegments)
ClipGetSegment = _with_int_handles(r.FPDFClipPath_GetPathSegment)
TextGetText = _with_int_handles(r.FPDFTextObj_GetText)
TextGetFont = _with_int_handles(r.FPDFTextObj_GetFont)
TextGetFontSize = _with_int_handles(r.FPDFTextObj_GetFontSize)
TextGetRenderMode = _with_int_handles(r.FPDFTextObj_GetTextRenderMode)
FontGetBaseName = _with_int_handles(r.FPDFFont_GetBaseFontName) if hasattr(r, "FPDFFont_GetBaseFontName") else None
FontGetWeight = _with_int_handles(r.FPDFFont_GetWeight)
FontGetFlags = _with_int_handles(r.FPDFFont_GetFlags)
PathCountSegments = _with_int_handles(r.FPDFPath_CountSegments)
PathGetSegment = _with_int_handles(r.FPDFPath_GetPathSegment)
SegmentGetPoint = _with_int_handles(r.FPDFPathSegment_GetPoint)
SegmentGetType = _with_int_handles(r.FPDFPathSegment_GetType)
