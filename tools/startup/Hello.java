// The smallest script, for tools/startup-timings: what starting a cached one-liner costs, and nothing else.
// Run: ./jbang tools/startup/Hello.java      See: one line.
//JAVA 21+

public class Hello {
    public static void main(String[] args) {
        System.out.println("hello from Java " + Runtime.version().feature());
    }
}
