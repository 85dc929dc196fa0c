/** A point that a writer moves and readers read; x and y always change together, so a reader must see x == y. */
interface Position {
    String name();

    /** Moves the point: x and y both grow by {@code by}. */
    void move(int by);

    /** x - y as one reader saw them: 0 unless the reader saw a half-done move. */
    int skew();
}
