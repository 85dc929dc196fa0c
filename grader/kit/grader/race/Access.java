package kit.grader.race;

/**
 * One recorded access, as a report shows it: where in the code ({@link Sites}), by which thread, holding which
 * locks, and whether it wrote.
 */
record Access(int site, String thread, HeldLocks locks, boolean write) {}
