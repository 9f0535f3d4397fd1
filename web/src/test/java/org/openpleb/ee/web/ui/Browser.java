package org.openpleb.ee.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One browser profile: Debian's headless Chromium at a phone's screen size, driven through
 * chromedriver, with a fresh profile folder (its own localStorage). Fails with a clear message when
 * Chromium or chromedriver is not installed; never skips.
 */
final class Browser implements AutoCloseable {

  /** Debian's chromium package; OPENPLEB_CHROMIUM overrides. */
  static final String CHROMIUM = env("OPENPLEB_CHROMIUM", "/usr/bin/chromium");

  /** Debian's chromium-driver package; OPENPLEB_CHROMEDRIVER overrides. */
  static final String CHROMEDRIVER = env("OPENPLEB_CHROMEDRIVER", "/usr/bin/chromedriver");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChromeDriver driver;
  private final String name;
  private final Path profile;

  /** The console entries read so far (reading the log empties it). */
  private final List<LogEntry> console = new ArrayList<>();

  private Browser(String name, List<String> extraArguments) throws IOException {
    this.name = name;
    assertTrue(
        new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
        "The browser tests need Chromium at "
            + CHROMIUM
            + " and chromedriver at "
            + CHROMEDRIVER
            + ": apt-get install -y chromium chromium-driver");
    profile = Files.createTempDirectory("openpleb-browser-" + name);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        // the tests run as root in CI, where Chromium refuses its sandbox
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--window-size=412,915",
        "--user-data-dir=" + profile);
    options.addArguments(extraArguments);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
  }

  /** Starts a browser with a fresh profile. */
  static Browser start(String name) throws IOException {
    return new Browser(name, List.of());
  }

  /**
   * Starts a browser whose camera is Chromium's fake device, the permission granted without a
   * prompt: it films {@code video} (a YUV4MPEG2 file, looped), or Chromium's moving test pattern
   * when {@code video} is null. Chromium reads these switches once per browser, hence one browser
   * per camera.
   */
  static Browser startWithCamera(String name, Path video) throws IOException {
    List<String> arguments =
        new ArrayList<>(
            List.of("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"));
    if (video != null) {
      arguments.add("--use-file-for-fake-video-capture=" + video.toAbsolutePath());
    }
    return new Browser(name, arguments);
  }

  /**
   * Writes a YUV4MPEG2 video that shows each of {@code pictures} for {@code framesEach} frames (10
   * frames a second), centred on white paper of {@code width} x {@code height} (even numbers):
   * 4:2:0 with full-range luma (BT.601 weights) and neutral chroma, i.e. the pictures in grey,
   * which is all a QR code reader looks at. Chromium loops it.
   */
  static Path y4m(
      List<java.awt.image.BufferedImage> pictures, int width, int height, int framesEach)
      throws IOException {
    List<byte[]> lumas = new ArrayList<>();
    for (java.awt.image.BufferedImage picture : pictures) {
      lumas.add(luma(picture, width, height));
    }
    byte[] chroma = new byte[(width / 2) * (height / 2)];
    java.util.Arrays.fill(chroma, (byte) 128);
    Path file = Files.createTempFile("camera", ".y4m");
    try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      out.write(
          ("YUV4MPEG2 W" + width + " H" + height + " F10:1 Ip A1:1 C420jpeg\n")
              .getBytes(StandardCharsets.US_ASCII));
      for (byte[] luma : lumas) {
        for (int i = 0; i < framesEach; i++) {
          out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
          out.write(luma);
          out.write(chroma); // U
          out.write(chroma); // V
        }
      }
    }
    return file;
  }

  /** The luma plane of {@code picture} centred on white paper. */
  private static byte[] luma(java.awt.image.BufferedImage picture, int width, int height) {
    byte[] luma = new byte[width * height];
    java.util.Arrays.fill(luma, (byte) 255);
    int left = (width - picture.getWidth()) / 2;
    int top = (height - picture.getHeight()) / 2;
    for (int y = 0; y < picture.getHeight(); y++) {
      for (int x = 0; x < picture.getWidth(); x++) {
        int px = x + left;
        int py = y + top;
        if (px < 0 || py < 0 || px >= width || py >= height) {
          continue;
        }
        int rgb = picture.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        luma[py * width + px] = (byte) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
      }
    }
    return luma;
  }

  /** {@code picture} turned clockwise by a quarter. */
  static java.awt.image.BufferedImage quarterTurn(java.awt.image.BufferedImage picture) {
    int w = picture.getWidth();
    int h = picture.getHeight();
    java.awt.image.BufferedImage turned =
        new java.awt.image.BufferedImage(h, w, java.awt.image.BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        turned.setRGB(h - 1 - y, x, picture.getRGB(x, y));
      }
    }
    return turned;
  }

  ChromeDriver driver() {
    return driver;
  }

  void open(String url) {
    driver.get(url);
  }

  WebElement element(String id) {
    return driver.findElement(By.id(id));
  }

  void click(String id) {
    element(id).click();
  }

  void type(String id, String text) {
    WebElement field = element(id);
    field.clear();
    field.sendKeys(text);
  }

  /** Waits (at most {@code seconds}) until the element's text contains {@code text}. */
  void awaitText(String id, String text, int seconds) {
    new WebDriverWait(driver, Duration.ofSeconds(seconds))
        .withMessage(() -> name + ": #" + id + " never showed '" + text + "'; " + errorBox())
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
  }

  /** Waits until an element matching the CSS selector is shown. */
  WebElement awaitVisible(String css, int seconds) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds))
        .withMessage(() -> name + ": " + css + " never appeared; " + errorBox())
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  /** The error box's text and the console so far, for a failure's message. */
  private String errorBox() {
    StringBuilder text = new StringBuilder();
    try {
      text.append("error box: '").append(element("error").getText()).append("'");
      for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
        console.add(entry);
      }
      text.append("; console: ").append(console.stream().map(LogEntry::toString).toList());
    } catch (RuntimeException e) {
      text.append(" (no more: ").append(e.getMessage()).append(")");
    }
    return text.toString();
  }

  Object script(String source, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(source, args);
  }

  Object asyncScript(String source, Object... args) {
    return ((JavascriptExecutor) driver).executeAsyncScript(source, args);
  }

  /** Writes a PNG of the page to target/screenshots/{name}-{page}.png. */
  Path screenshot(Path folder, String page) throws IOException {
    Files.createDirectories(folder);
    Path file = folder.resolve(name + "-" + page + ".png");
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    return file;
  }

  /** Fails on any console entry at SEVERE (errors, failed loads, CSP refusals) in the whole run. */
  void assertNoConsoleErrors() {
    assertEquals(List.of(), consoleErrors(), name + ": browser console errors");
  }

  /** The console entries at SEVERE in the whole run. */
  List<String> consoleErrors() {
    console.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : console) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
        errors.add(entry.getMessage());
      }
    }
    return errors;
  }

  /** Runs axe-core on the page; fails on any serious or critical violation. */
  void assertAccessible(String page) throws IOException {
    if (!Boolean.TRUE.equals(script("return typeof window.axe === 'object';"))) {
      script(axeSource());
    }
    Object result =
        asyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id,"
                + " impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target)})))))"
                + ".catch(e => done(JSON.stringify([{id: 'axe-failed', impact: 'critical',"
                + " help: String(e)}])));");
    JsonNode violations = JSON.readTree(String.valueOf(result));
    List<String> serious = new ArrayList<>();
    for (JsonNode v : violations) {
      String impact = v.path("impact").asText();
      if ("serious".equals(impact) || "critical".equals(impact)) {
        serious.add(v.toString());
      }
    }
    assertEquals(List.of(), serious, name + " " + page + ": serious accessibility violations");
  }

  private static String axeSource() throws IOException {
    String resource = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("axe-core is not on the test classpath: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
