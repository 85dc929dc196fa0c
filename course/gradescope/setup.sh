#!/usr/bin/env bash
# Gradescope runs this once when it builds the autograder image (Ubuntu): a JDK 21+, Maven, and every dependency the
# grader needs, fetched now so that grading a submission never waits on the network.
set -euo pipefail
root=${AUTOGRADER_ROOT:-/autograder}   # Gradescope's fixed folder; tests point it elsewhere
if ! (source "$root/source/kit/tools/find-jdk.sh" && kit_find_jdk >/dev/null) || ! command -v mvn >/dev/null; then
  apt-get update -q
  apt-get install -y -q --no-install-recommends openjdk-25-jdk-headless maven \
    || apt-get install -y -q --no-install-recommends openjdk-21-jdk-headless maven
fi
cd "$root/source/kit"
./jbang grade "$(cat "$root/source/exercise-id")" --solutions   # warms JBang's and Maven's caches
