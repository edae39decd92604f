"""A file someone sent the bot, fetched from Slack: `files.info`, then its private download
address with the bot token (scope `files:read`), no bigger than a limit.

The token goes only to Slack's own file host (files.<the API's host>), or to the API's host
itself (a test's fake): never to an address elsewhere, nor on to where a redirect points.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlparse

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
DOWNLOAD_SECONDS = 30


class FileProblem(Exception):
    """Why the file could not be fetched; the message is for the person who sent it."""


@dataclass(frozen=True)
class SlackFile:
    id: str
    name: str
    content: bytes


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def _allowed(url: str, api_url: str) -> bool:
    target, api = urlparse(url), urlparse(api_url)
    if target.netloc == api.netloc and target.scheme == api.scheme:
        return True
    return target.scheme == "https" and target.hostname == f"files.{api.hostname}"


def _info(client: WebClient, file_id: str) -> dict:
    try:
        return client.files_info(file=file_id)["file"]
    except SlackApiError as error:
        raise FileProblem(
            f"I could not read the file from Slack ({error.response.get('error', 'error')}); send it again"
        ) from None


def _download(url: str, token: str, limit: int) -> tuple[bytes, str]:
    request = urllib.request.Request(url)
    request.add_unredirected_header("Authorization", f"Bearer {token}")  # not sent on to a redirect
    try:
        with urllib.request.urlopen(request, timeout=DOWNLOAD_SECONDS) as response:
            return response.read(limit + 1), response.headers.get("Content-Type", "")
    except (urllib.error.URLError, TimeoutError) as error:
        raise FileProblem(f"I could not download the file from Slack ({error}); send it again") from None


def fetch_file(client: WebClient, file_id: str, limit: int = MAX_UPLOAD_BYTES) -> SlackFile:
    """The file's name and bytes; FileProblem saying why not."""
    info = _info(client, file_id)
    name = info.get("name") or info.get("title") or file_id
    if int(info.get("size") or 0) > limit:
        raise FileProblem(
            f"{name} is {_megabytes(int(info['size']))}; I take files up to {_megabytes(limit)}"
        )
    url = info.get("url_private_download") or info.get("url_private") or ""
    if not _allowed(url, client.base_url):
        raise FileProblem(f"{name} is not stored on Slack's file host, so I will not fetch it")
    content, content_type = _download(url, client.token or "", limit)
    if len(content) > limit:
        raise FileProblem(f"{name} is over {_megabytes(limit)}; I take files up to that")
    if content_type.startswith("text/html"):
        raise FileProblem(
            f"Slack sent a web page instead of {name}: the app may lack the files:read scope (see the README)"
        )
    return SlackFile(file_id, name, content)
