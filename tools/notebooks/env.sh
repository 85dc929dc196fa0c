# shellcheck shell=bash disable=SC2034  # the variables are for the scripts that source this file
# Sourced by tools/notebooks/setup and tools/notebooks/execute: where the notebook tooling lives.
# KIT_JUPYTER: Debian's jupyter (pyenv or a virtualenv may put another python first on PATH, so the full path).
# KIT_JUPYTER_PATH: a kit-private JUPYTER_PATH holding the kernelspec `java`, on the JDK that find-jdk.sh picks.
source "$(dirname "${BASH_SOURCE[0]}")/../find-jdk.sh"
kit_require_jdk

KIT_CACHE=${KIT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/concurrency-kit}
KIT_JUPYTER=/usr/bin/jupyter
KIT_PYTHON=/usr/bin/python3 # Debian's python, which has nbclient: tools/notebooks/run-notebook.py runs on it
KIT_KERNEL_VERSION=3.0.1
KIT_KERNEL_ARTIFACT=io.github.padreati:rapaio-jupyter-kernel:$KIT_KERNEL_VERSION
KIT_KERNEL_JAR=$KIT_CACHE/rapaio-jupyter-kernel-$KIT_KERNEL_VERSION/rapaio-jupyter-kernel-$KIT_KERNEL_VERSION.jar
KIT_KERNEL_LAUNCHER=$KIT_CACHE/rapaio-jupyter-kernel-$KIT_KERNEL_VERSION/launcher
KIT_JUPYTER_PATH=$KIT_CACHE/jupyter
