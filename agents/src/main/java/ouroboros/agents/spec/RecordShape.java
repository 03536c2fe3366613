package ouroboros.agents.spec;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * A record class's components, their keys (kebab names), their {@link Key} declarations, their
 * accessors and the canonical constructor, read by reflection once per class and cached: the loader
 * reads them for every agent of a scenario, and {@link Class#getRecordComponents()} builds new
 * components, whose annotations are parsed again, at every call.
 */
public final class RecordShape {
  private static final ClassValue<RecordShape> SHAPES =
      new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
          return new RecordShape(type);
        }
      };

  private final RecordComponent[] components;
  private final String[] keys;
  private final Key[] declared;
  private final Method[] accessors;
  private final Constructor<?> constructor;

  private RecordShape(Class<?> type) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type.getName() + " is not a record class");
    }
    this.components = type.getRecordComponents();
    int n = components.length;
    this.keys = new String[n];
    this.declared = new Key[n];
    this.accessors = new Method[n];
    for (int i = 0; i < n; i++) {
      keys[i] = Keys.kebab(components[i].getName());
      declared[i] = components[i].getAnnotation(Key.class);
      accessors[i] = components[i].getAccessor();
      try {
        accessors[i].setAccessible(true); // no access check at every read: get() runs per agent
      } catch (RuntimeException e) {
        // a record in a module that does not open its package: its public accessor still works
      }
    }
    Constructor<?> ctor;
    try {
      ctor =
          type.getDeclaredConstructor(
              Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("no canonical constructor in " + type.getName(), e);
    }
    try {
      ctor.setAccessible(true);
    } catch (RuntimeException e) {
      // a record in a module that does not open its package: its public constructor still works
    }
    this.constructor = ctor;
  }

  /** The shape of a record class. */
  public static RecordShape of(Class<?> type) {
    return SHAPES.get(type);
  }

  /** Number of components. */
  public int size() {
    return components.length;
  }

  /** Component i (shared: do not change it). */
  public RecordComponent component(int i) {
    return components[i];
  }

  /** Component i's key: its name in kebab case. */
  public String key(int i) {
    return keys[i];
  }

  /** Component i's {@link Key} declaration, or null when it has none. */
  public Key declared(int i) {
    return declared[i];
  }

  /** The position of the component named {@code name} (Java name), or -1. */
  public int indexOfName(String name) {
    for (int i = 0; i < components.length; i++) {
      if (components[i].getName().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The position of the component whose key (kebab name) is {@code key}, or -1. */
  public int indexOfKey(String key) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  /** Component i's value in {@code record}, an instance of this shape's class. */
  public Object get(int i, Object record) {
    try {
      return accessors[i].invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + components[i], e);
    }
  }

  /**
   * A new record from its components' values, through the canonical constructor; an exception the
   * constructor throws comes out as an {@link InvocationTargetException}.
   */
  @SuppressWarnings("unchecked")
  public <R> R construct(Object[] args) throws ReflectiveOperationException {
    return (R) constructor.newInstance(args);
  }
}
