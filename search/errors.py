"""Errors that the API and the pages turn into a 400 or 404 with a message in Japanese and English."""


class SearchError(ValueError):
    """Base class: a request the service cannot answer as asked."""

    status = 400
    code = "bad_request"

    def __init__(self, message_ja: str, message_en: str):
        self.message_ja, self.message_en = message_ja, message_en
        super().__init__(f"{message_ja} ({message_en})")

    def to_dict(self) -> dict:
        return {"code": self.code, "message": str(self),
                "message_ja": self.message_ja, "message_en": self.message_en}


class BadParameter(SearchError):
    """A parameter is malformed or out of range."""

    code = "bad_parameter"


class QueryTooLong(BadParameter):
    """The query text is longer than the service accepts."""

    code = "query_too_long"


class QueryTooComplex(BadParameter):
    """The query has more words, or a longer word or phrase, than one search may match."""

    code = "query_too_complex"


class TooManyValues(BadParameter):
    """A filter parameter, or all of them together, has more values than a request may hold."""

    code = "too_many_values"


class NotFound(SearchError):
    """No record has this id."""

    status = 404
    code = "not_found"


class IndexMissing(RuntimeError):
    """No generation has been built in the workspace yet."""


class EmptyQuestion(BadParameter):
    """The question text is empty or only blanks."""

    code = "empty_question"
