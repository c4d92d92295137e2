from os import PathLike
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple, Union

SCHEMA: str
COLUMNS: List[Tuple[str, str]]

Record = Dict[str, Any]

def extract(
    path_or_bytes: Union[str, PathLike, bytes, bytearray, memoryview],
    name: Optional[str] = ...,
    provenance: bool = ...,
    **limits: float,
) -> Record: ...
def extract_many(
    paths: Union[str, PathLike, Iterable[Union[str, PathLike]]],
    jobs: Optional[int] = ...,
    provenance: bool = ...,
    isolate: bool = ...,
    **limits: float,
) -> Iterator[Record]: ...
def to_row(rec: Record) -> Dict[str, Any]: ...
def to_rows(records: Iterable[Record]) -> List[Dict[str, Any]]: ...
