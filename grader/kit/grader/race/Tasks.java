package kit.grader.race;

/**
 * Wrappers that carry a {@link HandOff} with a functional object handed to {@code java.util.concurrent}: one class
 * per interface, so that the wrapper has the very type the method asks for. Generated list; each runs its
 * function between {@link HandOff#enter()} and {@link HandOff#exit}.
 */
final class Tasks {
    private Tasks() {}

    /** Marks a wrapper, and gives its hand-off. */
    interface Wrapper {
        HandOff handOff();
    }

    /** Wraps {@code fn} as the interface named {@code type} (internal name), or null if none fits. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object wrap(String type, Object fn, HandOff h) {
        return switch (type) {
            case "java/lang/Runnable" -> new RunnableW((Runnable) fn, h);
            case "java/util/concurrent/Callable" -> new CallableW((java.util.concurrent.Callable) fn, h);
            case "java/util/function/Supplier" -> new SupplierW((java.util.function.Supplier) fn, h);
            case "java/util/function/Function" -> new FunctionW((java.util.function.Function) fn, h);
            case "java/util/function/BiFunction" -> new BiFunctionW((java.util.function.BiFunction) fn, h);
            case "java/util/function/Consumer" -> new ConsumerW((java.util.function.Consumer) fn, h);
            case "java/util/function/BiConsumer" -> new BiConsumerW((java.util.function.BiConsumer) fn, h);
            case "java/util/function/Predicate" -> new PredicateW((java.util.function.Predicate) fn, h);
            case "java/util/function/BiPredicate" -> new BiPredicateW((java.util.function.BiPredicate) fn, h);
            case "java/util/function/UnaryOperator" -> new UnaryOperatorW((java.util.function.UnaryOperator) fn, h);
            case "java/util/function/BinaryOperator" -> new BinaryOperatorW((java.util.function.BinaryOperator) fn, h);
            case "java/util/function/IntUnaryOperator" ->
                    new IntUnaryOperatorW((java.util.function.IntUnaryOperator) fn, h);
            case "java/util/function/IntBinaryOperator" ->
                    new IntBinaryOperatorW((java.util.function.IntBinaryOperator) fn, h);
            case "java/util/function/LongUnaryOperator" ->
                    new LongUnaryOperatorW((java.util.function.LongUnaryOperator) fn, h);
            case "java/util/function/LongBinaryOperator" ->
                    new LongBinaryOperatorW((java.util.function.LongBinaryOperator) fn, h);
            case "java/util/function/DoubleBinaryOperator" ->
                    new DoubleBinaryOperatorW((java.util.function.DoubleBinaryOperator) fn, h);
            case "java/util/function/ToIntFunction" -> new ToIntFunctionW((java.util.function.ToIntFunction) fn, h);
            case "java/util/function/ToLongFunction" -> new ToLongFunctionW((java.util.function.ToLongFunction) fn, h);
            case "java/util/function/ToDoubleFunction" ->
                    new ToDoubleFunctionW((java.util.function.ToDoubleFunction) fn, h);
            case "java/util/function/ToIntBiFunction" ->
                    new ToIntBiFunctionW((java.util.function.ToIntBiFunction) fn, h);
            case "java/util/function/ToLongBiFunction" ->
                    new ToLongBiFunctionW((java.util.function.ToLongBiFunction) fn, h);
            case "java/util/function/ToDoubleBiFunction" ->
                    new ToDoubleBiFunctionW((java.util.function.ToDoubleBiFunction) fn, h);
            default -> null;
        };
    }

    /** The interfaces {@link #wrap} knows (internal names). */
    static boolean canWrap(String type) {
        return switch (type) {
            case "java/lang/Runnable", "java/util/concurrent/Callable", "java/util/function/Supplier",
                    "java/util/function/Function", "java/util/function/BiFunction", "java/util/function/Consumer",
                    "java/util/function/BiConsumer", "java/util/function/Predicate",
                    "java/util/function/BiPredicate", "java/util/function/UnaryOperator",
                    "java/util/function/BinaryOperator", "java/util/function/IntUnaryOperator",
                    "java/util/function/IntBinaryOperator", "java/util/function/LongUnaryOperator",
                    "java/util/function/LongBinaryOperator", "java/util/function/DoubleBinaryOperator",
                    "java/util/function/ToIntFunction", "java/util/function/ToLongFunction",
                    "java/util/function/ToDoubleFunction", "java/util/function/ToIntBiFunction",
                    "java/util/function/ToLongBiFunction", "java/util/function/ToDoubleBiFunction" -> true;
            default -> false;
        };
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private record RunnableW(Runnable fn, HandOff handOff) implements Runnable, Wrapper {
        @Override
        public void run() {
            ThreadState t = handOff.enter();
            try {
                fn.run();
            } finally {
                handOff.exit(t);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private record CallableW(java.util.concurrent.Callable fn, HandOff handOff)
            implements java.util.concurrent.Callable, Wrapper {
        @Override
        public Object call() throws Exception {
            ThreadState t = handOff.enter();
            try {
                return fn.call();
            } finally {
                handOff.exit(t);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private record SupplierW(java.util.function.Supplier fn, HandOff handOff)
            implements java.util.function.Supplier, Wrapper {
        @Override
        public Object get() {
            ThreadState t = handOff.enter();
            try {
                return fn.get();
            } finally {
                handOff.exit(t);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private record FunctionW(java.util.function.Function fn, HandOff handOff)
            implements java.util.function.Function, Wrapper {
        @Override
        public Object apply(Object a0) {
            ThreadState t = handOff.enter();
            try {
                return fn.apply(a0);
            } finally {
                handOff.exit(t);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private record BiFunctionW(java.util.function.BiFunction fn, HandOff handOff)
            implements java.util.function.BiFunction, Wrapper {
        @Override
        public Object apply(Object a0, Object a1) {
            ThreadState t = handOff.enter();
            try {
                return fn.apply(a0, a1);
            } finally {
                handOff.exit(t);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private record ConsumerW(java.util.function.Consumer fn, HandOff handOff)
            implements java.util.function.Consumer, Wrapper {
        @Override
        public void accept(Object a0) {
            ThreadState t = handOff.enter();
            try {
                fn.accept(a0);
            } finally {
                handOff.exit(t);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private record BiConsumerW(java.util.function.BiConsumer fn, HandOff handOff)
            implements java.util.function.BiConsumer, Wrapper {
        @Override
        public void accept(Object a0, Object a1) {
            ThreadState t = handOff.enter();
            try {
                fn.accept(a0, a1);
            } finally {
                handOff.exit(t);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private record PredicateW(java.util.function.Predicate fn, HandOff handOff)
            implements java.util.function.Predicate, Wrapper {
        @Override
        public boolean test(Object a0) {
            ThreadState t = handOff.enter();
            try {
                return fn.test(a0);
            } finally {
                handOff.exit(t);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private record BiPredicateW(java.util.function.BiPredicate fn, HandOff handOff)
            implements java.util.function.BiPredicate, Wrapper {
        @Override
        public boolean test(Object a0, Object a1) {
            ThreadState t = handOff.enter();
            try {
                return fn.test(a0, a1);
            } finally {
                handOff.exit(t);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private record UnaryOperatorW(java.util.function.UnaryOperator fn, HandOff handOff)
            implements java.util.function.UnaryOperator, Wrapper {
        @Override
        public Object apply(Object a0) {
            ThreadState t = handOff.enter();
            try {
                return fn.apply(a0);
            } finally {
                handOff.exit(t);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private record BinaryOperatorW(java.util.function.BinaryOperator fn, HandOff handOff)
            implements java.util.function.BinaryOperator, Wrapper {
        @Override
        public Object apply(Object a0, Object a1) {
            ThreadState t = handOff.enter();
            try {
                return fn.apply(a0, a1);
            } finally {
                handOff.exit(t);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private record IntUnaryOperatorW(java.util.function.IntUnaryOperator fn, HandOff handOff)
            implements java.util.function.IntUnaryOperator, Wrapper {
        @Override
        public int applyAsInt(int a0) {
            ThreadState t = handOff.enter();
            try {
                return fn.applyAsInt(a0);
            } finally {
                handOff.exit(t);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private record IntBinaryOperatorW(java.util.function.IntBinaryOperator fn, HandOff handOff)
            implements java.util.function.IntBinaryOperator, Wrapper {
        @Override
        public int applyAsInt(int a0, int a1) {
            ThreadState t = handOff.enter();
            try {
                return fn.applyAsInt(a0, a1);
            } finally {
                handOff.exit(t);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private record LongUnaryOperatorW(java.util.function.LongUnaryOperator fn, HandOff handOff)
            implements java.util.function.LongUnaryOperator, Wrapper {
        @Override
        public long applyAsLong(long a0) {
            ThreadState t = handOff.enter();
            try {
                return fn.applyAsLong(a0);
            } finally {
                handOff.exit(t);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private record LongBinaryOperatorW(java.util.function.LongBinaryOperator fn, HandOff handOff)
            implements java.util.function.LongBinaryOperator, Wrapper {
        @Override
        public long applyAsLong(long a0, long a1) {
            ThreadState t = handOff.enter();
            try {
                return fn.applyAsLong(a0, a1);
            } finally {
                handOff.exit(t);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private record DoubleBinaryOperatorW(java.util.function.DoubleBinaryOperator fn, HandOff handOff)
            implements java.util.function.DoubleBinaryOperator, Wrapper {
        @Override
        public double applyAsDouble(double a0, double a1) {
            ThreadState t = handOff.enter();
            try {
                return fn.applyAsDouble(a0, a1);
            } finally {
                handOff.exit(t);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private record ToIntFunctionW(java.util.function.ToIntFunction fn, HandOff handOff)
            implements java.util.function.ToIntFunction, Wrapper {
        @Override
        public int applyAsInt(Object a0) {
            ThreadState t = handOff.enter();
            try {
                return fn.applyAsInt(a0);
            } finally {
                handOff.exit(t);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private record ToLongFunctionW(java.util.function.ToLongFunction fn, HandOff handOff)
            implements java.util.function.ToLongFunction, Wrapper {
        @Override
        public long applyAsLong(Object a0) {
            ThreadState t = handOff.enter();
            try {
                return fn.applyAsLong(a0);
            } finally {
                handOff.exit(t);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private record ToDoubleFunctionW(java.util.function.ToDoubleFunction fn, HandOff handOff)
            implements java.util.function.ToDoubleFunction, Wrapper {
        @Override
        public double applyAsDouble(Object a0) {
            ThreadState t = handOff.enter();
            try {
                return fn.applyAsDouble(a0);
            } finally {
                handOff.exit(t);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private record ToIntBiFunctionW(java.util.function.ToIntBiFunction fn, HandOff handOff)
            implements java.util.function.ToIntBiFunction, Wrapper {
        @Override
        public int applyAsInt(Object a0, Object a1) {
            ThreadState t = handOff.enter();
            try {
                return fn.applyAsInt(a0, a1);
            } finally {
                handOff.exit(t);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private record ToLongBiFunctionW(java.util.function.ToLongBiFunction fn, HandOff handOff)
            implements java.util.function.ToLongBiFunction, Wrapper {
        @Override
        public long applyAsLong(Object a0, Object a1) {
            ThreadState t = handOff.enter();
            try {
                return fn.applyAsLong(a0, a1);
            } finally {
                handOff.exit(t);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private record ToDoubleBiFunctionW(java.util.function.ToDoubleBiFunction fn, HandOff handOff)
            implements java.util.function.ToDoubleBiFunction, Wrapper {
        @Override
        public double applyAsDouble(Object a0, Object a1) {
            ThreadState t = handOff.enter();
            try {
                return fn.applyAsDouble(a0, a1);
            } finally {
                handOff.exit(t);
            }
        }
    }

}
