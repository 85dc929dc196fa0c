package kit.grader.race;

/**
 * Two conflicting accesses to one variable that happens-before leaves unordered: {@code earlier} was recorded
 * first (it is the variable's last write or a read since it), {@code later} is the access that found it unordered.
 * {@code index} is the array element's index (-1 otherwise), {@code type} what the variable is when it is not a
 * field ("ArrayDeque", "Object[]").
 */
record DataRace(int index, String type, Access earlier, Access later) {}
