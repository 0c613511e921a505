package io.studybot.core.schedule;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.ScheduleBuilder;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few recurring Quartz jobs that drive delivery, never one trigger per learner: the dispatch
 * tick every minute and a daily clean-up of old outbox rows. On a shared database they run on
 * Quartz's clustered JDBC store, so several instances share them. Sending is not a shared job: each
 * instance runs its own {@link SendLoop} for the chats it serves.
 */
public final class DeliveryJobs implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DeliveryJobs.class);
  private static final Duration KEEP_SENT = Duration.ofDays(30);

  private final Scheduler scheduler;

  private DeliveryJobs(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /**
   * Starts the jobs on Quartz's in-memory store, or on the job store {@code jobStore} describes
   * (Quartz properties, such as a clustered store in the database shared by all instances).
   */
  public static DeliveryJobs start(
      Dispatcher dispatcher, OutboxStore outbox, Clock clock, Optional<Properties> jobStore)
      throws SchedulerException {
    return start(dispatcher, outbox, clock, jobStore, 60);
  }

  /**
   * As {@link #start(Dispatcher, OutboxStore, Clock, Optional)}, with the dispatch tick every
   * {@code dispatchSeconds} (a divisor of 60, so a tick falls on every full minute) instead of once
   * a minute.
   */
  public static DeliveryJobs start(
      Dispatcher dispatcher,
      OutboxStore outbox,
      Clock clock,
      Optional<Properties> jobStore,
      int dispatchSeconds)
      throws SchedulerException {
    if (dispatchSeconds < 1 || 60 % dispatchSeconds != 0) {
      throw new IllegalArgumentException("dispatch seconds must divide 60: " + dispatchSeconds);
    }
    Map<String, Task> tasks = new LinkedHashMap<>();
    tasks.put("dispatch", () -> logCount("Dispatch queued {} deliveries", dispatcher.tick()));
    tasks.put(
        "cleanup",
        () ->
            logCount(
                "Clean-up removed {} sent outbox rows",
                outbox.deleteSentBefore(clock.instant().minus(KEEP_SENT))));
    Scheduler scheduler = new StdSchedulerFactory(properties(jobStore)).getScheduler();
    scheduler.setJobFactory(
        (bundle, ignored) -> {
          String name = bundle.getJobDetail().getKey().getName();
          return new RecurringJob(name, requireNonNull(tasks.get(name), name));
        });
    schedule(
        scheduler,
        "dispatch",
        CronScheduleBuilder.cronSchedule(
            (dispatchSeconds == 60 ? "0" : "0/" + dispatchSeconds) + " * * * * ?"));
    // Earlier versions stored a shared "send" job; each instance sends for itself now.
    scheduler.deleteJob(JobKey.jobKey("send", "studybot"));
    schedule(scheduler, "cleanup", CronScheduleBuilder.dailyAtHourAndMinute(3, 30));
    scheduler.start();
    return new DeliveryJobs(scheduler);
  }

  private static void logCount(String message, int count) {
    if (count > 0) {
      log.info(message, count);
    }
  }

  private static Properties properties(Optional<Properties> jobStore) {
    Properties properties = new Properties();
    properties.setProperty("org.quartz.scheduler.instanceName", "studybot");
    properties.setProperty("org.quartz.scheduler.instanceId", "AUTO");
    properties.setProperty("org.quartz.threadPool.threadCount", "3");
    properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    jobStore.ifPresent(properties::putAll);
    return properties;
  }

  /** Registers the job, replacing what an earlier instance or version stored under its name. */
  private static void schedule(
      Scheduler scheduler, String name, ScheduleBuilder<? extends Trigger> when)
      throws SchedulerException {
    JobDetail job =
        JobBuilder.newJob(RecurringJob.class).withIdentity(name, "studybot").storeDurably().build();
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .withIdentity(name, "studybot")
            .forJob(job)
            .withSchedule(when)
            .build();
    scheduler.scheduleJob(job, Set.of(trigger), true);
  }

  @Override
  public void close() {
    try {
      scheduler.shutdown(true);
    } catch (SchedulerException e) {
      log.warn("Stopping the scheduler failed", e);
    }
  }

  /** What a job does when its trigger fires. */
  @FunctionalInterface
  interface Task {
    void run() throws InterruptedException;
  }

  /** One recurring job; a failure is logged and the next run tries again. */
  @DisallowConcurrentExecution
  static final class RecurringJob implements Job {
    private final String name;
    private final Task task;

    RecurringJob(String name, Task task) {
      this.name = name;
      this.task = task;
    }

    @Override
    public void execute(JobExecutionContext context) {
      try {
        task.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        log.error("The {} job failed; its next run tries again", name, e);
      }
    }
  }
}
