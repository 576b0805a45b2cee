package io.cachepair.member.input;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a request may carry ({@code cachepair.input.*}, env {@code CACHEPAIR_INPUT_*}).
 *
 * @param maxBodySize the largest request body; larger ones are answered 413 before they are read
 * @param maxBatchBodySize the largest body of {@code POST /api/dishes/batch} (bulk import)
 * @param maxNestingDepth the deepest JSON nesting a body may have
 * @param maxNumberLength the most digits a JSON number may have
 * @param maxStringLength the longest JSON string value
 */
@ConfigurationProperties("cachepair.input")
public record InputProperties(
    DataSize maxBodySize,
    DataSize maxBatchBodySize,
    Integer maxNestingDepth,
    Integer maxNumberLength,
    Integer maxStringLength) {

  public InputProperties {
    maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(64) : maxBodySize;
    maxBatchBodySize = maxBatchBodySize == null ? DataSize.ofMegabytes(4) : maxBatchBodySize;
    maxNestingDepth = maxNestingDepth == null ? 32 : maxNestingDepth;
    maxNumberLength = maxNumberLength == null ? 40 : maxNumberLength;
    maxStringLength = maxStringLength == null ? 100_000 : maxStringLength;
  }
}
