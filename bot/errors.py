"""Failures said in one line. Click prints a usage error as three lines and lets anything else
out as a traceback; the `csp-bot` group prints one line on standard error, "csp-bot: …", and
exits non-zero. CSP_BOT_DEBUG=1 lets an unexpected error's traceback through."""

from __future__ import annotations

import os
import sys
from typing import Any, NoReturn

import click

DEBUG = "CSP_BOT_DEBUG"
PROG = "csp-bot"


def fail(message: str, code: int = 1) -> NoReturn:
    click.echo(f"{PROG}: {' '.join(message.split())}", err=True)
    sys.exit(code)


def _usage(error: click.UsageError) -> str:
    hint = f" (see {error.ctx.command_path} --help)" if error.ctx is not None else ""
    return error.format_message() + hint


class OneLineErrors(click.Group):
    def main(self, args: Any = None, prog_name: str | None = None, *rest: Any, **extra: Any) -> Any:
        extra["standalone_mode"] = False
        try:
            returned = super().main(args, prog_name or PROG, *rest, **extra)
        except click.UsageError as error:
            fail(_usage(error), error.exit_code)
        except click.ClickException as error:
            fail(error.format_message(), error.exit_code)
        except click.exceptions.Exit as error:
            sys.exit(error.exit_code)
        except click.Abort:
            fail("stopped", 130)
        except Exception as error:
            if os.environ.get(DEBUG):
                raise
            fail(f"unexpected error: {type(error).__name__}: {error} (set {DEBUG}=1 to see where)")
        sys.exit(returned if isinstance(returned, int) else 0)
