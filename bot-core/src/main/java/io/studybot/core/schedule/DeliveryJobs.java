package io.studybot.core.schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few recurring Quartz jobs that drive delivery, never one trigger per learner: the dispatch
 * tick every minute, the sender every few seconds, and a daily clean-up of old outbox rows. On a
 * shared database they run on Quartz's clustered JDBC store, so several instances share them.
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
      Dispatcher dispatcher,
      OutboxSender sender,
      OutboxStore outbox,
      Clock clock,
      Optional<Properties> jobStore)
      throws SchedulerException {
    StdSchedulerFactory factory = new StdSchedulerFactory(properties(jobStore));
    Scheduler scheduler = factory.getScheduler();
    scheduler.setJobFactory(
        (bundle, ignored) ->
            job(bundle.getJobDetail().getKey().getName(), dispatcher, sender, outbox, clock));
    schedule(scheduler, "dispatch", CronScheduleBuilder.cronSchedule("0 * * * * ?"));
    schedule(scheduler, "send", SimpleScheduleBuilder.repeatSecondlyForever(3));
    schedule(scheduler, "cleanup", CronScheduleBuilder.dailyAtHourAndMinute(3, 30));
    scheduler.start();
    return new DeliveryJobs(scheduler);
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

  private static void schedule(
      Scheduler scheduler, String name, org.quartz.ScheduleBuilder<? extends Trigger> when)
      throws SchedulerException {
    JobDetail job =
        JobBuilder.newJob(jobClass(name)).withIdentity(name, "studybot").storeDurably().build();
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .withIdentity(name, "studybot")
            .forJob(job)
            .withSchedule(when)
            .build();
    if (scheduler.checkExists(job.getKey())) {
      scheduler.rescheduleJob(trigger.getKey(), trigger); // another instance registered it already
    } else {
      scheduler.scheduleJob(job, trigger);
    }
  }

  private static Class<? extends Job> jobClass(String name) {
    return switch (name) {
      case "dispatch" -> DispatchJob.class;
      case "send" -> SendJob.class;
      default -> CleanupJob.class;
    };
  }

  private static Job job(
      String name, Dispatcher dispatcher, OutboxSender sender, OutboxStore outbox, Clock clock) {
    return switch (name) {
      case "dispatch" -> new DispatchJob(dispatcher);
      case "send" -> new SendJob(sender);
      default -> new CleanupJob(outbox, clock);
    };
  }

  @Override
  public void close() {
    try {
      scheduler.shutdown(true);
    } catch (SchedulerException e) {
      log.warn("Stopping the scheduler failed", e);
    }
  }

  /** The dispatch tick. */
  @DisallowConcurrentExecution
  static final class DispatchJob implements Job {
    private final Dispatcher dispatcher;

    DispatchJob(Dispatcher dispatcher) {
      this.dispatcher = dispatcher;
    }

    @Override
    public void execute(JobExecutionContext context) {
      try {
        int handled = dispatcher.tick();
        if (handled > 0) {
          log.info("Dispatch queued {} deliveries", handled);
        }
      } catch (RuntimeException e) {
        log.error("Dispatch tick failed; the next tick tries again", e);
      }
    }
  }

  /** The sender. */
  @DisallowConcurrentExecution
  static final class SendJob implements Job {
    private final OutboxSender sender;

    SendJob(OutboxSender sender) {
      this.sender = sender;
    }

    @Override
    public void execute(JobExecutionContext context) {
      try {
        sender.drain();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        log.error("Sending failed; the next run tries again", e);
      }
    }
  }

  /** Removes sent outbox rows after a month; their idempotency keys are long past use. */
  @DisallowConcurrentExecution
  static final class CleanupJob implements Job {
    private final OutboxStore outbox;
    private final Clock clock;

    CleanupJob(OutboxStore outbox, Clock clock) {
      this.outbox = outbox;
      this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) {
      int deleted = outbox.deleteSentBefore(clock.instant().minus(KEEP_SENT));
      log.info("Clean-up removed {} sent outbox rows", deleted);
    }
  }
}
