package org.openpleb.client;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigBuilder;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * A MicroProfile Config with no properties at all, for tests outside a server: Jersey's Rest Client
 * asks MicroProfile Config for {@code mp-rest} settings and fails without an implementation, while
 * the client sets everything on its builder. An application brings its own (e.g. SmallRye Config).
 * Also used by the web ITs, through this module's test jar.
 */
public final class EmptyConfigResolver extends ConfigProviderResolver {

  private static final Config EMPTY = new EmptyConfig();

  @Override
  public Config getConfig() {
    return EMPTY;
  }

  @Override
  public Config getConfig(ClassLoader loader) {
    return EMPTY;
  }

  @Override
  public ConfigBuilder getBuilder() {
    throw new UnsupportedOperationException("the empty configuration is not built");
  }

  @Override
  public void registerConfig(Config config, ClassLoader classLoader) {
    // nothing to register: every lookup answers the empty configuration
  }

  @Override
  public void releaseConfig(Config config) {
    // nothing held
  }

  /** No property has a value. */
  private static final class EmptyConfig implements Config {

    @Override
    public <T> T getValue(String propertyName, Class<T> propertyType) {
      throw new NoSuchElementException(propertyName);
    }

    @Override
    public ConfigValue getConfigValue(String propertyName) {
      return new ConfigValue() {
        @Override
        public String getName() {
          return propertyName;
        }

        @Override
        public String getValue() {
          return null;
        }

        @Override
        public String getRawValue() {
          return null;
        }

        @Override
        public String getSourceName() {
          return null;
        }

        @Override
        public int getSourceOrdinal() {
          return 0;
        }
      };
    }

    @Override
    public <T> Optional<T> getOptionalValue(String propertyName, Class<T> propertyType) {
      return Optional.empty();
    }

    @Override
    public Iterable<String> getPropertyNames() {
      return List.of();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
      return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
      return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
      throw new IllegalArgumentException("nothing to unwrap");
    }
  }
}
