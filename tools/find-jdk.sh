# shellcheck shell=bash
# Sourced by ./jbang and ./test: finds a JDK 21 or newer on this machine, without downloading anything.
# kit_find_jdk prints its home directory, or prints nothing and returns 1.

kit_resolve_links() { # path -> the file it names once every symlink is followed (macOS before 12.3: no readlink -f)
  local path=$1 target
  while target=$(readlink "$path"); do
    case $target in
      /*) path=$target ;;
      *) path=$(dirname "$path")/$target ;;
    esac
  done
  echo "$path"
}

kit_jdk_feature_version() { # JDK home -> feature version (17, 21, 25, ...), from its `release` file
  local line
  line=$(grep -s '^JAVA_VERSION=' "$1/release") || return 1
  line=${line#JAVA_VERSION=\"}
  line=${line#1.}
  echo "${line%%[.\"+-]*}"
}

kit_jdk_is_usable() { # JDK home -> true if it has javac and is version 21 or newer
  local version
  [ -x "$1/bin/javac" ] && version=$(kit_jdk_feature_version "$1") && [ "$version" -ge 21 ]
}

kit_find_jdk() {
  # The user's choice first: KIT_JAVA_HOME, JAVA_HOME, the javac on PATH.
  local home javac
  javac=$(command -v javac 2>/dev/null) && javac=$(dirname "$(dirname "$(kit_resolve_links "$javac")")")
  for home in "${KIT_JAVA_HOME:-}" "${JAVA_HOME:-}" "$javac"; do
    [ -n "$home" ] && kit_jdk_is_usable "$home" && { echo "$home"; return 0; }
  done
  # Otherwise the newest JDK in the usual places.
  local best="" best_version=0 version
  # KIT_JDK_DIRS (folders separated by ':') replaces the usual places, e.g. to test what happens without a JDK.
  local -a places
  if [ -n "${KIT_JDK_DIRS:-}" ]; then
    IFS=: read -r -a places <<<"$KIT_JDK_DIRS"
  else
    places=(/usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*
            /Library/Java/JavaVirtualMachines/*/Contents/Home)
  fi
  for home in "${places[@]}"; do
    kit_jdk_is_usable "$home" || continue
    version=$(kit_jdk_feature_version "$home")
    [ "$version" -gt "$best_version" ] && { best=$home; best_version=$version; }
  done
  [ -n "$best" ] && echo "$best"
}

kit_require_jdk() { # sets KIT_JDK or exits with one line that says what to install
  if [ -n "${KIT_JAVA_HOME:-}" ] && ! kit_jdk_is_usable "$KIT_JAVA_HOME"; then
    echo "error: KIT_JAVA_HOME=$KIT_JAVA_HOME is not a JDK 21 or newer (no bin/javac, or an older 'release')." >&2
    exit 4
  fi
  KIT_JDK=$(kit_find_jdk) || true
  if [ -z "$KIT_JDK" ]; then
    echo "error: the kit needs a JDK 21 or newer and found none (looked at KIT_JAVA_HOME, JAVA_HOME, javac on PATH, /usr/lib/jvm, ~/.sdkman, /Library/Java). Install one, e.g. 'apt-get install openjdk-21-jdk' or 'sdk install java 25-tem', or set KIT_JAVA_HOME." >&2
    exit 4
  fi
}
