package io.studybot.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Which topics cover each roadmap bullet, and which seed references name no bullet at all. */
public record CoverageReport(
    Map<RoadmapBullet, List<String>> coverage, List<ContentProblem> unknownSeeds) {

  public CoverageReport {
    coverage = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(coverage));
    unknownSeeds = List.copyOf(unknownSeeds);
  }

  public static CoverageReport of(Roadmap roadmap, Curriculum curriculum) {
    Map<RoadmapBullet, List<String>> coverage = new LinkedHashMap<>();
    roadmap.bullets().forEach(bullet -> coverage.put(bullet, new ArrayList<>()));
    Map<String, RoadmapBullet> byKey =
        roadmap.bullets().stream()
            .collect(Collectors.toMap(RoadmapBullet::key, b -> b, (a, b) -> a));
    List<ContentProblem> unknown = new ArrayList<>();
    for (Topic topic : curriculum.topics()) {
      for (String seed : topic.seeds()) {
        RoadmapBullet bullet = byKey.get(seed);
        if (bullet == null) {
          unknown.add(
              ContentProblem.at(
                  topic.origin(),
                  "topic '" + topic.id() + "' names unknown roadmap bullet '" + seed + "'"));
        } else {
          Objects.requireNonNull(coverage.get(bullet)).add(topic.id());
        }
      }
    }
    return new CoverageReport(coverage, unknown);
  }

  public List<RoadmapBullet> uncovered() {
    return coverage.entrySet().stream()
        .filter(entry -> entry.getValue().isEmpty())
        .map(Map.Entry::getKey)
        .toList();
  }

  public Set<String> sections() {
    return coverage.keySet().stream()
        .map(RoadmapBullet::section)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  public boolean complete() {
    return uncovered().isEmpty() && unknownSeeds.isEmpty();
  }
}
