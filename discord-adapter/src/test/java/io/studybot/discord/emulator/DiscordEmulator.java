package io.studybot.discord.emulator;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * A local fake Discord that speaks the real protocol to an unmodified JDA: the REST API under
 * {@link #apiUrl()} (what JDA asks at login, command registration, interaction callbacks,
 * follow-ups and edits, channel posts, DMs) and a WebSocket gateway (HELLO, IDENTIFY, READY,
 * GUILD_CREATE, heartbeats, RESUME). It checks what Discord checks, records everything the bot
 * sent, and is driven by tests: slash commands, button presses, servers left, channels deleted, a
 * dropped connection, refusals and rate limits on demand.
 *
 * <p>Its world is fixed: {@link #SERVER} with the channels {@link #STUDY}, {@link #DAILY}, {@link
 * #NO_SEND} (Send Messages denied to everyone), {@link #NO_EMBEDS} (Embed Links denied) and {@link
 * #OLD_STUDY}, and {@link #OTHER_SERVER} with {@link #OTHER_CHANNEL}. The bot is a member of both
 * with no role beyond everyone's.
 */
public final class DiscordEmulator implements AutoCloseable {
  /** The bot's token; the fake accepts no other. */
  public static final String TOKEN =
      "MTEwMDAwMDAwMDAwMDAwMDAx.Gfake0.emulator-token-0123456789abcdef";

  public static final String BOT_ID = "1100000000000000001";
  public static final String SERVER = "1100000000000000100";
  public static final String STUDY = "1100000000000000101";
  public static final String DAILY = "1100000000000000102";
  public static final String NO_SEND = "1100000000000000103";
  public static final String NO_EMBEDS = "1100000000000000104";
  public static final String OLD_STUDY = "1100000000000000105";
  public static final String OTHER_SERVER = "1100000000000000200";
  public static final String OTHER_CHANNEL = "1100000000000000201";
  static final String ADMIN_ROLE = "1100000000000000110";

  /** Discord's limits for answering an interaction and for its follow-ups. */
  static final Duration ANSWER_WITHIN = Duration.ofSeconds(3);

  static final Duration FOLLOW_UPS_WITHIN = Duration.ofMinutes(15);

  private static final Duration WAIT = Duration.ofSeconds(20);

  /** A Discord user who talks to the bot. */
  public record Person(String id, String name, String locale, boolean admin) {
    public static Person member(String id, String name, String locale) {
      return new Person(id, name, locale, false);
    }

    public static Person admin(String id, String name, String locale) {
      return new Person(id, name, locale, true);
    }
  }

  /** Where an interaction happens: a server channel, or the DM channel with one user. */
  public record Place(String channelId, Optional<String> serverId) {
    public static Place channel(String server, String channelId) {
      return new Place(channelId, Optional.of(server));
    }
  }

  /** A message the bot showed, or one edit of it; {@code how} says which route it took. */
  public record BotMessage(
      String id, String channelId, String how, Optional<String> interaction, DataObject json) {
    /** The content, then every embed's title, description, fields and footer, one per line. */
    public String text() {
      StringBuilder text = new StringBuilder(json.getString("content", ""));
      DataArray embeds = json.optArray("embeds").orElseGet(DataArray::empty);
      for (int i = 0; i < embeds.length(); i++) {
        DataObject embed = embeds.getObject(i);
        text.append('\n').append(embed.getString("title", ""));
        text.append('\n').append(embed.getString("description", ""));
        DataArray fields = embed.optArray("fields").orElseGet(DataArray::empty);
        for (int f = 0; f < fields.length(); f++) {
          text.append('\n').append(fields.getObject(f).getString("name", ""));
          text.append('\n').append(fields.getObject(f).getString("value", ""));
        }
        embed.optObject("footer").ifPresent(f -> text.append('\n').append(f.getString("text", "")));
      }
      return text.toString();
    }

    public int embeds() {
      return json.optArray("embeds").map(DataArray::length).orElse(0);
    }

    public boolean ephemeral() {
      return (json.getInt("flags", 0) & 64) != 0;
    }

    /** The custom ids of its buttons, row by row. */
    public List<String> customIds() {
      return buttons().stream()
          .filter(button -> !button.isNull("custom_id"))
          .map(button -> button.getString("custom_id"))
          .toList();
    }

    /** The custom id of the button whose label contains {@code label}. */
    public String button(String label) {
      return buttons().stream()
          .filter(button -> button.getString("label", "").contains(label))
          .map(button -> button.getString("custom_id"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no button " + label + " on " + json));
    }

    private List<DataObject> buttons() {
      List<DataObject> buttons = new ArrayList<>();
      DataArray rows = json.optArray("components").orElseGet(DataArray::empty);
      for (int r = 0; r < rows.length(); r++) {
        DataArray row = rows.getObject(r).optArray("components").orElseGet(DataArray::empty);
        for (int b = 0; b < row.length(); b++) {
          buttons.add(row.getObject(b));
        }
      }
      return buttons;
    }
  }

  /** An interaction the fake dispatched, and when the bot first answered it. */
  public static final class Interaction {
    final String id;
    final String token;
    final String channelId;
    final Optional<String> serverId;
    final Instant created;
    final Optional<String> pressedMessage;
    Optional<Duration> answeredAfter = Optional.empty();
    Optional<String> originalMessage = Optional.empty();

    Interaction(
        String id,
        String token,
        String channelId,
        Optional<String> serverId,
        Instant created,
        Optional<String> pressedMessage) {
      this.id = id;
      this.token = token;
      this.channelId = channelId;
      this.serverId = serverId;
      this.created = created;
      this.pressedMessage = pressedMessage;
    }

    public String id() {
      return id;
    }

    public synchronized Optional<Duration> answeredAfter() {
      return answeredAfter;
    }
  }

  final Clock clock;
  private static final long DISCORD_EPOCH_MS = 1_420_070_400_000L;
  private final AtomicLong snowflakes = new AtomicLong();
  private final Map<String, DataObject> users = new LinkedHashMap<>();
  private final Map<String, String> dmChannels = new LinkedHashMap<>();
  private final Map<String, Interaction> interactions = new LinkedHashMap<>();
  private final Map<String, DataObject> messages = new LinkedHashMap<>();
  private final List<BotMessage> shown = new ArrayList<>();
  private final List<DataObject> registrations = new ArrayList<>();
  private final List<String> refusals = new ArrayList<>();
  private final Map<String, Integer> channelRefusals = new LinkedHashMap<>();
  private final Map<String, Integer> rateLimits = new LinkedHashMap<>();
  private final List<String> deletedChannels = new ArrayList<>();
  private final List<String> leftServers = new ArrayList<>();
  private final Gateway gateway;
  private final RestApi rest;
  private java.util.function.Consumer<BotMessage> watcher = message -> {};

  private DiscordEmulator(Clock clock) throws IOException {
    this.clock = clock;
    this.gateway = new Gateway(TOKEN, this::ready, this::guildCreates);
    this.rest = new RestApi(this);
  }

  public static DiscordEmulator start() throws IOException {
    return new DiscordEmulator(Clock.systemUTC());
  }

  /** The REST base to give the bot ({@code DISCORD_API_URL}). */
  public URI apiUrl() {
    return URI.create("http://127.0.0.1:" + rest.port() + "/api/v10/");
  }

  String gatewayUrl() {
    return gateway.url();
  }

  // ---- the world -------------------------------------------------------------------------

  DataObject botUser() {
    return Payloads.user(BOT_ID, "StudyBot", true);
  }

  private DataObject ready() {
    DataArray unavailable = DataArray.empty();
    for (String server : servers()) {
      unavailable.add(DataObject.empty().put("id", server).put("unavailable", true));
    }
    return DataObject.empty()
        .put("v", 10)
        .put("user", botUser().put("verified", true).put("mfa_enabled", false))
        .put("guilds", unavailable)
        .put("private_channels", DataArray.empty())
        .put("relationships", DataArray.empty())
        .put("application", DataObject.empty().put("id", BOT_ID).put("flags", 0));
  }

  private synchronized List<String> servers() {
    return List.of(SERVER, OTHER_SERVER).stream()
        .filter(server -> !leftServers.contains(server))
        .toList();
  }

  private synchronized List<DataObject> guildCreates() {
    List<DataObject> guilds = new ArrayList<>();
    if (!leftServers.contains(SERVER)) {
      guilds.add(
          guild(
              SERVER,
              "Study server",
              List.of(
                  Payloads.textChannel(STUDY, SERVER, "study", 0, 0),
                  Payloads.textChannel(DAILY, SERVER, "daily", 1, 0),
                  Payloads.textChannel(NO_SEND, SERVER, "read-only", 2, Payloads.SEND_MESSAGES),
                  Payloads.textChannel(NO_EMBEDS, SERVER, "no-embeds", 3, Payloads.EMBED_LINKS),
                  Payloads.textChannel(OLD_STUDY, SERVER, "old-study", 4, 0))));
    }
    if (!leftServers.contains(OTHER_SERVER)) {
      guilds.add(
          guild(
              OTHER_SERVER,
              "Other server",
              List.of(Payloads.textChannel(OTHER_CHANNEL, OTHER_SERVER, "general", 0, 0))));
    }
    return guilds;
  }

  private DataObject guild(String id, String name, List<DataObject> channels) {
    DataArray channelArray = DataArray.empty();
    channels.stream()
        .filter(channel -> !deletedChannels.contains(channel.getString("id")))
        .forEach(channelArray::add);
    return DataObject.empty()
        .put("id", id)
        .put("name", name)
        .putNull("icon")
        .put("owner_id", "1100000000000000999")
        .put("unavailable", false)
        .put("large", false)
        .put("afk_timeout", 300)
        .put("member_count", 1)
        .put("joined_at", "2026-01-05T10:00:00.000000+00:00")
        .put("preferred_locale", "en-US")
        .put("features", DataArray.empty())
        .put(
            "roles",
            DataArray.empty()
                .add(Payloads.role(id, "@everyone", 0, Payloads.EVERYONE))
                .add(Payloads.role(adminRole(id), "Admins", 1, Payloads.MANAGE_GUILD)))
        .put("channels", channelArray)
        .put("threads", DataArray.empty())
        .put("members", DataArray.empty().add(Payloads.member(botUser(), DataArray.empty())))
        .put("guild_scheduled_events", DataArray.empty())
        .put("emojis", DataArray.empty())
        .put("stickers", DataArray.empty())
        .put("voice_states", DataArray.empty())
        .put("presences", DataArray.empty())
        .put("stage_instances", DataArray.empty());
  }

  private static String adminRole(String server) {
    return SERVER.equals(server) ? ADMIN_ROLE : "1100000000000000210";
  }

  /**
   * A new snowflake: its high bits are the time it was made, which JDA reads to tell an
   * interaction's age (it refuses to answer one older than 15 minutes on its own).
   */
  String nextId() {
    long now = (clock.millis() - DISCORD_EPOCH_MS) << 22;
    return Long.toString(snowflakes.updateAndGet(last -> Math.max(last + 1, now)));
  }

  /** The DM channel between the bot and a user, opened on first use. */
  public synchronized Place dmOf(Person person) {
    users.put(person.id(), Payloads.user(person.id(), person.name(), false));
    return new Place(dmChannels.computeIfAbsent(person.id(), id -> nextId()), Optional.empty());
  }

  synchronized Optional<DataObject> dmChannelFor(String userId) {
    DataObject user = users.get(userId);
    if (user == null) {
      return Optional.empty(); // Discord knows every user; the fake only those who wrote
    }
    String channel = dmChannels.computeIfAbsent(userId, id -> nextId());
    return Optional.of(Payloads.dmChannel(channel, user));
  }

  /** Whether the bot can post in a channel now: an error code Discord would answer, if any. */
  synchronized Optional<Integer> refusalFor(String channelId) {
    if (deletedChannels.contains(channelId)) {
      return Optional.of(10003);
    }
    if (channelRefusals.containsKey(channelId)) {
      return Optional.of(channelRefusals.get(channelId));
    }
    boolean known =
        dmChannels.containsValue(channelId)
            || List.of(STUDY, DAILY, NO_SEND, NO_EMBEDS, OLD_STUDY, OTHER_CHANNEL)
                .contains(channelId);
    if (!known) {
      return Optional.of(10003);
    }
    if (NO_SEND.equals(channelId)) {
      return Optional.of(50013);
    }
    String server = OTHER_CHANNEL.equals(channelId) ? OTHER_SERVER : SERVER;
    if (!dmChannels.containsValue(channelId) && leftServers.contains(server)) {
      return Optional.of(50001);
    }
    return Optional.empty();
  }

  // ---- driving the bot --------------------------------------------------------------------

  /** A slash command; options are typed as the bot registered them. */
  public Interaction slash(Person person, Place place, String name, Map<String, String> options) {
    DataObject command = registeredCommand(name);
    DataArray optionArray = DataArray.empty();
    DataArray declared = command.optArray("options").orElseGet(DataArray::empty);
    options.forEach(
        (key, value) -> {
          int type = 3;
          for (int i = 0; i < declared.length(); i++) {
            if (declared.getObject(i).getString("name").equals(key)) {
              type = declared.getObject(i).getInt("type");
            }
          }
          optionArray.add(
              DataObject.empty().put("name", key).put("type", type).put("value", value));
        });
    DataObject data =
        DataObject.empty()
            .put("id", command.getString("id"))
            .put("name", name)
            .put("type", 1)
            .put("options", optionArray);
    return interact(person, place, 2, data, Optional.empty());
  }

  /** A press of one of the buttons of a message the bot showed. */
  public Interaction press(Person person, Place place, BotMessage message, String customId) {
    if (!message.customIds().contains(customId)) {
      throw new IllegalArgumentException("the message has no button " + customId);
    }
    DataObject data = DataObject.empty().put("custom_id", customId).put("component_type", 2);
    return interact(person, place, 3, data, Optional.of(message.id()));
  }

  private Interaction interact(
      Person person, Place place, int type, DataObject data, Optional<String> pressed) {
    DataObject user = Payloads.user(person.id(), person.name(), false);
    Interaction interaction;
    DataObject payload;
    synchronized (this) {
      users.put(person.id(), user);
      interaction =
          new Interaction(
              nextId(),
              "itoken" + UUID.randomUUID().toString().replace("-", ""),
              place.channelId(),
              place.serverId(),
              clock.instant(),
              pressed);
      interactions.put(interaction.token, interaction);
      payload =
          DataObject.empty()
              .put("id", interaction.id)
              .put("application_id", BOT_ID)
              .put("type", type)
              .put("token", interaction.token)
              .put("version", 1)
              .put("locale", person.locale())
              .put("channel_id", place.channelId())
              .put("data", data)
              .put("app_permissions", Long.toString(Payloads.EVERYONE))
              .put("entitlements", DataArray.empty());
      pressed.ifPresent(id -> payload.put("message", messages.get(id)));
    }
    if (place.serverId().isPresent()) {
      String server = place.serverId().get();
      DataArray roles = DataArray.empty();
      long permissions = Payloads.EVERYONE;
      if (person.admin()) {
        roles.add(adminRole(server));
        permissions |= Payloads.MANAGE_GUILD;
      }
      payload
          .put("guild_id", server)
          .put("guild_locale", "en-US")
          .put(
              "guild",
              DataObject.empty()
                  .put("id", server)
                  .put("locale", "en-US")
                  .put("features", DataArray.empty()))
          .put("context", 0)
          .put("authorizing_integration_owners", DataObject.empty().put("0", server))
          .put(
              "channel",
              DataObject.empty()
                  .put("id", place.channelId())
                  .put("type", 0)
                  .put("guild_id", server)
                  .put("name", "channel"))
          .put(
              "member",
              Payloads.member(user, roles).put("permissions", Long.toString(permissions)));
    } else {
      payload
          .put("context", 1)
          .put("authorizing_integration_owners", DataObject.empty().put("0", "0"))
          .put("channel", Payloads.dmChannel(place.channelId(), botUser()))
          .put("user", user);
    }
    gateway.dispatch("INTERACTION_CREATE", payload);
    return interaction;
  }

  /** The bot was removed from a server (kicked, banned, or the server deleted). */
  public void leaveServer(String server) {
    synchronized (this) {
      leftServers.add(server);
    }
    gateway.dispatch("GUILD_DELETE", DataObject.empty().put("id", server));
  }

  /** The bot was invited back to a server it left: the server comes again in GUILD_CREATE. */
  public void rejoinServer(String server) {
    Optional<DataObject> guild;
    synchronized (this) {
      leftServers.remove(server);
      guild = guildCreates().stream().filter(g -> g.getString("id").equals(server)).findFirst();
    }
    guild.ifPresent(g -> gateway.dispatch("GUILD_CREATE", g));
  }

  /** A channel was deleted. */
  public void deleteChannel(String server, String channelId) {
    synchronized (this) {
      deletedChannels.add(channelId);
    }
    gateway.dispatch(
        "CHANNEL_DELETE",
        Payloads.textChannel(channelId, server, "deleted", 0, 0).put("guild_id", server));
  }

  /** Refuses posts to a channel from now on with a Discord error code (50001, 50013, 10003). */
  public synchronized void refusePostsIn(String channelId, int code) {
    channelRefusals.put(channelId, code);
  }

  /** Answers the next {@code times} requests whose path contains {@code path} with a 429. */
  public synchronized void rateLimit(String path, int times) {
    rateLimits.put(path, times);
  }

  synchronized boolean takeRateLimit(String path) {
    for (Map.Entry<String, Integer> limit : rateLimits.entrySet()) {
      if (path.contains(limit.getKey()) && limit.getValue() > 0) {
        limit.setValue(limit.getValue() - 1);
        return true;
      }
    }
    return false;
  }

  /** Drops the gateway connection as a network failure would; JDA should resume. */
  public void dropConnection() {
    gateway.drop();
  }

  public int gatewayResumes() {
    return gateway.resumes();
  }

  public int gatewayIdentifies() {
    return gateway.identifies();
  }

  // ---- what the REST side records ----------------------------------------------------------

  synchronized void registered(DataArray commands) {
    for (int i = 0; i < commands.length(); i++) {
      registrations.add(commands.getObject(i));
    }
  }

  synchronized Optional<Interaction> interaction(String token) {
    return Optional.ofNullable(interactions.get(token));
  }

  synchronized DataObject show(
      String channelId, String how, Optional<String> interaction, String id, DataObject json) {
    messages.put(id, json);
    BotMessage message = new BotMessage(id, channelId, how, interaction, json);
    shown.add(message);
    watcher.accept(message);
    notifyAll();
    return json;
  }

  synchronized Optional<DataObject> message(String id) {
    return Optional.ofNullable(messages.get(id));
  }

  synchronized void refused(String what) {
    refusals.add(what);
  }

  // ---- what tests read ----------------------------------------------------------------------

  /** Calls {@code watcher} with every message and edit the bot shows from now on. */
  public synchronized void watch(java.util.function.Consumer<BotMessage> watcher) {
    this.watcher = watcher;
  }

  /** The slash commands registered, globally or in a server, as the bot sent them. */
  public synchronized List<DataObject> registeredCommands() {
    return List.copyOf(registrations);
  }

  private DataObject registeredCommand(String name) {
    synchronized (this) {
      for (DataObject command : registrations) {
        if (command.getString("name").equals(name)) {
          return command;
        }
      }
    }
    throw new AssertionError("the bot registered no /" + name);
  }

  /** Requests the fake refused that no test asked it to refuse: each one a bot bug. */
  public synchronized List<String> refusals() {
    return List.copyOf(refusals);
  }

  public synchronized List<BotMessage> shown(String channelId) {
    return shown.stream().filter(message -> message.channelId().equals(channelId)).toList();
  }

  public synchronized List<BotMessage> answersTo(Interaction interaction) {
    return shown.stream()
        .filter(message -> message.interaction().equals(Optional.of(interaction.id)))
        .toList();
  }

  /** Waits for a message (or edit) in a channel that matches, shown after {@code since}. */
  public BotMessage await(String channelId, int since, Predicate<BotMessage> matching)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    synchronized (this) {
      while (true) {
        List<BotMessage> inChannel = shown(channelId);
        for (BotMessage message :
            inChannel.subList(Math.min(since, inChannel.size()), inChannel.size())) {
          if (matching.test(message)) {
            return message;
          }
        }
        long left = Duration.between(Instant.now(), deadline).toMillis();
        if (left <= 0) {
          throw new AssertionError(
              "no matching message in channel " + channelId + "; shown there: " + texts(inChannel));
        }
        wait(left);
      }
    }
  }

  /**
   * Waits for the bot's first answer to an interaction (after a deferral, the edit that fills it).
   */
  public BotMessage awaitAnswer(Interaction interaction) throws InterruptedException {
    return await(
        interaction.channelId,
        0,
        message ->
            message.interaction().equals(Optional.of(interaction.id))
                && !message.how().equals("defer")
                && !message.how().equals("delete"));
  }

  /** Waits for a message in a channel whose text contains {@code text}. */
  public BotMessage awaitText(String channelId, String text) throws InterruptedException {
    return await(channelId, 0, message -> message.text().contains(text));
  }

  /** How many messages and edits a channel has had so far: a mark for {@link #await}. */
  public synchronized int mark(String channelId) {
    return shown(channelId).size();
  }

  /** Waits until the gateway is connected, identified or resumed {@code resumes} times. */
  public void awaitSession(int resumes) throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (!(gateway.connected() && gateway.resumes() >= resumes)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "the bot did not connect to the gateway (resumes " + resumes + ")");
      }
      Thread.sleep(20);
    }
  }

  /** Waits until the bot registered its commands. */
  public void awaitCommands() throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (registeredCommands().isEmpty()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("the bot registered no commands");
      }
      Thread.sleep(20);
    }
  }

  private static List<String> texts(List<BotMessage> messages) {
    return messages.stream().map(m -> m.how() + ": " + m.text()).toList();
  }

  @Override
  public void close() throws IOException {
    rest.close();
    gateway.close();
  }
}
