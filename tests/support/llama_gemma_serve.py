"""Run llama-cpp-python's server with a `gemma-system` chat format (by the llama venv's
Python, not the project's: it imports only llama_cpp and the standard library).

llama-cpp-python's `gemma` format drops system messages without a word (Gemma has no system
turn), so a server started with it never shows the model the instructions. Gemma 3's own chat
template puts the system text at the start of the first user turn instead; `gemma-system`
does the same and then formats as `gemma`. Everything else (grammars for `json_object` with
a schema, forced tool calls, the refusals) is the server's own.

    VENV/bin/python tests/support/llama_gemma_serve.py --model M.gguf --chat_format gemma-system ...
takes the arguments of `python -m llama_cpp.server`.
"""

from __future__ import annotations

import runpy
from typing import Any

from llama_cpp import llama_chat_format

FORMAT = "gemma-system"


@llama_chat_format.register_chat_format(FORMAT)
def format_gemma_system(messages: list[Any], **kwargs: Any) -> Any:
    system = "\n\n".join(
        str(m["content"]) for m in messages if m["role"] == "system" and m.get("content")
    )
    rest = [dict(m) for m in messages if m["role"] != "system"]
    if system:
        if rest and rest[0]["role"] == "user" and isinstance(rest[0].get("content"), str):
            rest[0]["content"] = f"{system}\n\n{rest[0]['content']}"
        else:
            rest.insert(0, {"role": "user", "content": system})
    return llama_chat_format.format_gemma(rest, **kwargs)


if __name__ == "__main__":
    runpy.run_module("llama_cpp.server", run_name="__main__", alter_sys=True)
